/** Strings of the statechart diagrams, dashboards and labels (issue 17): zh first, en beside it. */
export const monitor = {
  zh: {
    taskStatus: { open: '待办理', done: '已办理', cancelled: '已取消' },
    deliveryStatus: { pending: '待发送', delivered: '已送达', failed: '失败', sent: '已发送', skipped: '已跳过', digested: '已合并' },
  },
  en: {
    taskStatus: { open: 'Open', done: 'Done', cancelled: 'Cancelled' },
    deliveryStatus: { pending: 'Pending', delivered: 'Delivered', failed: 'Failed', sent: 'Sent', skipped: 'Skipped', digested: 'In a digest' },
  },
};

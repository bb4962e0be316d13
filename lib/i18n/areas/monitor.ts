/** Strings of the statechart diagrams, dashboards and labels (issue 17): zh first, en beside it. */
export const monitor = {
  zh: {
    taskStatus: { open: '待办理', done: '已办理', cancelled: '已取消' },
  },
  en: {
    taskStatus: { open: 'Open', done: 'Done', cancelled: 'Cancelled' },
  },
};

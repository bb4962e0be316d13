/** Strings of group steps (会签 / 或签 / 依次) on the application page and in the timeline. */
export const group = {
  zh: {
    title: '{step}进度',
    summary: '{badge} · 已同意 {approved} 人，需 {needed} 人同意',
    approvedOf: '（{approved}/{of}）',
    againstOf: '（反对 {against}/{of}）',
    approved: '已同意',
    against: '未同意',
    closed: '已由他人处理',
    pending: '待办理',
    waiting: '未轮到',
    someone: '成员 {n}',
  },
  en: {
    title: '{step}: progress',
    summary: '{badge} · {approved} approved, {needed} needed',
    approvedOf: ' ({approved}/{of})',
    againstOf: ' (against {against}/{of})',
    approved: 'Approved',
    against: 'Did not approve',
    closed: 'Handled by someone else',
    pending: 'To act',
    waiting: 'Not their turn yet',
    someone: 'Member {n}',
  },
};

/** Strings of notifications: outgoing messages, 通知设置, action links, notices, delivery admin. */
export const notify = {
  zh: {
    out: {
      taskNewTitle: '新待办：{title}',
      taskNewText: '{title} 待您办理（{state}），点击查看并处理。',
      updateTitle: '办理进度：{title}',
      digestTitle: '您有 {count} 项新待办',
      digestText: '您有 {count} 项新的待办事项，请到网上办事服务大厅处理。',
    },
  },
  en: {
    out: {
      taskNewTitle: 'New task: {title}',
      taskNewText: '{title} is waiting for you ({state}). Open it to handle it.',
      updateTitle: 'Progress: {title}',
      digestTitle: 'You have {count} new tasks',
      digestText: 'You have {count} new tasks waiting in the service hall.',
    },
  },
};

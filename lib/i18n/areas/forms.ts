/** Strings of the application forms' rules, drafts and prefilled facts (issue 18: items 3, 4, 8). */
export const forms = {
  zh: {
    window: '申请时间',
    windowOpenUntil: '{window}（本期截止 {closes}）',
    windowClosed: '{window}（现已截止，下次 {opens} 起）',
    returnedOn: '实际返岗日期',
    returnedOnHint: '假期：{start} 至 {end}；不能早于假期开始日期',
    reportBack: '销假',
    deadline: '办理期限',
    deadlineBefore: '前{what}',
  },
  en: {
    window: 'Application period',
    windowOpenUntil: '{window} (this round closes on {closes})',
    windowClosed: '{window} (closed now; next round from {opens})',
    returnedOn: 'Date you actually returned',
    returnedOnHint: 'Leave: {start} to {end}; not before the leave began',
    reportBack: 'Report back',
    deadline: 'Deadline',
    deadlineBefore: '— {what}',
  },
};

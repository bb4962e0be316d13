/** The 11 service themes (服务主题) of the catalog, in display order. Ids appear in URLs and CSV files. */
export const THEMES = [
  { id: 'arrival', zh: '迎新离校', en: 'Arrival & departure' },
  { id: 'academic', zh: '学籍教务', en: 'Enrolment & teaching' },
  { id: 'personnel', zh: '人事服务', en: 'Personnel' },
  { id: 'finance', zh: '财务资产', en: 'Finance & assets' },
  { id: 'research', zh: '科研服务', en: 'Research' },
  { id: 'repair', zh: '后勤报修', en: 'Repairs & logistics' },
  { id: 'health', zh: '医疗保障', en: 'Health & insurance' },
  { id: 'party', zh: '党团事务', en: 'Party & league affairs' },
  { id: 'travel', zh: '出行出访', en: 'Leave & travel' },
  { id: 'it', zh: '信息网络', en: 'IT & network' },
  { id: 'campus', zh: '校园生活', en: 'Campus life' },
] as const;

export type ThemeId = (typeof THEMES)[number]['id'];
export const THEME_IDS = THEMES.map((t) => t.id) as [ThemeId, ...ThemeId[]];

export function findTheme(id: string) {
  return THEMES.find((t) => t.id === id);
}

/**
 * Whether a lesson takes place in a teaching week, from the timetable's 周次 as the registrar
 * writes it: "1-16", "5-8", "1-8,10-16", "3-15 单周" (odd weeks), "2-16 双周" (even weeks).
 * null when the text cannot be read: the page then shows the lesson without judging.
 */
export function meetsInWeek(weeks: string, week: number): boolean | null {
  const odd = /单/.test(weeks);
  const even = /双/.test(weeks);
  const ranges = weeks.replace(/[单双]周?|周|第/g, '').split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
  if (ranges.length === 0) return null;
  let inRange = false;
  for (const range of ranges) {
    const m = /^(\d{1,2})(?:\s*-\s*(\d{1,2}))?$/.exec(range);
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    if (week >= from && week <= to) inRange = true;
  }
  if (!inRange) return false;
  if (odd && week % 2 === 0) return false;
  if (even && week % 2 === 1) return false;
  return true;
}

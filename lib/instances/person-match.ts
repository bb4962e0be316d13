/** A person as the picker lists them: what they are searched by (name, 工号, pinyin) and shown with. */
export interface PickablePerson {
  username: string;
  name: string;
  orgName: { zh: string; en: string };
  /** Full toneless pinyin run together (chenlaoshi) and initials (cls), for the picker's search. */
  py: string;
  initials: string;
}

/**
 * Whether a person matches what was typed: part of the name, the start of the 工号, or pinyin
 * (full or initials). No pinyin library here: the browser's picker imports this.
 */
export function matchesPerson(p: Pick<PickablePerson, 'username' | 'name' | 'py' | 'initials'>, raw: string): boolean {
  const q = raw.trim().toLowerCase().replace(/\s+/g, '');
  if (q === '') return true;
  return p.name.includes(q) || p.username.toLowerCase().startsWith(q) || p.py.startsWith(q) || p.initials.startsWith(q) || (q.length >= 2 && p.py.includes(q));
}

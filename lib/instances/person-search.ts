import { pinyin } from 'pinyin-pro';

/** A name's toneless pinyin run together (chenlaoshi) and its initials (cls), for the picker's search. */
export function withPinyin<T extends { name: string }>(p: T): T & { py: string; initials: string } {
  const syllables = pinyin(p.name, { toneType: 'none', type: 'array' }).map((s) => s.toLowerCase());
  return { ...p, py: syllables.join(''), initials: syllables.map((s) => s[0] ?? '').join('') };
}

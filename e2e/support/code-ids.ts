import type { Page } from '@playwright/test';
import { ROLES } from '../../db/schema/org';
import { allDefinitions } from '../../workflows/registry';

/**
 * What a code id looks like on a page, and which ids the app has: the definitions' state keys,
 * event types, guard names and process ids, and the roles. A page in words shows none of them;
 * data that is an id by nature (a username, a case number, a file name) is marked translate="no".
 */
export function codeIds(): { exact: Set<string>; plainWords: Set<string> } {
  const exact = new Set<string>();
  const plainWords = new Set<string>(ROLES);
  for (const d of allDefinitions()) {
    exact.add(d.id);
    const walk = (n: { key: string; states: Record<string, unknown>; transitions: Map<string, Array<{ eventType: string; guard?: unknown }>>; always?: Array<{ guard?: unknown }> }) => {
      plainWords.add(n.key);
      for (const [type, ts] of n.transitions) {
        plainWords.add(type);
        for (const t of ts) {
          const g = typeof t.guard === 'string' ? t.guard : (t.guard as { type?: string } | undefined)?.type;
          if (g) plainWords.add(g);
        }
      }
      for (const t of n.always ?? []) {
        const g = (t.guard as { type?: string } | undefined)?.type;
        if (g) plainWords.add(g);
      }
      Object.values(n.states).forEach((c) => walk(c as typeof n));
    };
    walk(d.machine.root as unknown as Parameters<typeof walk>[0]);
  }
  return { exact, plainWords };
}

const PATTERNS: Array<[string, RegExp]> = [
  ['camelCase id', /\b[a-z]+(?:[A-Z][a-z0-9]*)+\b/g],
  ['snake_case id', /\b[a-z]+(?:_[a-z0-9]+)+\b/g],
  ['dotted path', /\b[a-z][a-zA-Z]*(?:\.[a-zA-Z]+)+\b/g],
  ['role @ scope', /@ ?[a-z][a-z-]+\b/g],
  ['UPPER_CASE event', /\b[A-Z]{2,}(?:_[A-Z]+)+\b/g],
];

/** The words of a page a person reads or hears: text nodes and labels, minus what is marked translate="no". */
export async function pageWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const skip = (el: Element | null) => !!el?.closest('[translate="no"], script, style, noscript, template');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      if (text && !skip(n.parentElement)) out.push(text);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title], option')) {
      if (skip(el)) continue;
      for (const a of ['aria-label', 'placeholder', 'title']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
}

/** Every code id among a page's words, as "id (kind): context". */
export function findIds(words: string[], locale: 'zh' | 'en', ids: ReturnType<typeof codeIds>): string[] {
  const found: string[] = [];
  for (const raw of words) {
    // E-mail addresses, web addresses, file names and “e.g.” are data or prose, not ids.
    const text = raw.replace(/\b(e\.g|i\.e)\./g, ' ').replace(/\S+@\S+\.\S+/g, ' ').replace(/https?:\/\/\S+/g, ' ').replace(/\S+\.(pdf|png|jpe?g|svg|csv|docx?|xlsx?|txt)\b/gi, ' ');
    for (const [kind, re] of PATTERNS) for (const m of text.matchAll(re)) found.push(`${m[0]} (${kind}): ${raw.slice(0, 80)}`);
    for (const token of text.match(/[A-Za-z][A-Za-z0-9_-]*/g) ?? []) {
      if (ids.exact.has(token)) found.push(`${token} (process id): ${raw.slice(0, 80)}`);
      // In Chinese every English word of the app's vocabulary is an id left untranslated.
      else if (locale === 'zh' && ids.plainWords.has(token)) found.push(`${token} (id in Chinese text): ${raw.slice(0, 80)}`);
    }
  }
  return [...new Set(found)];
}

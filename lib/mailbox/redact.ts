/**
 * Masks personal data before a letter is published: e-mail addresses, phone numbers (mobile and
 * landline), ID card numbers, QQ and WeChat ids, student / staff ids (8–12 digits) and the names
 * and account names the caller knows (the writer's, staff). Text is matched as the eye reads it:
 * full-width digits and letters (１３８…, ＠), and digits split by spaces, dots, dashes or middle
 * dots (138.0013.8000, 4401 0619 …) count like plain ones. The office reviews and edits the result:
 * detection is a help, not a guarantee.
 */

/** Digits may be split by one of these (a space, a dot, a dash, a middle dot). */
const SEP = '[\\s.\\-·]?';
const digits = (n: number) => `\\d(?:${SEP}\\d){${n - 1}}`;

const PATTERNS: Array<[RegExp, string]> = [
  [/[A-Za-z0-9._%+-]+\s*@\s*[A-Za-z0-9-]+(?:\s*\.\s*[A-Za-z0-9-]+)*\s*\.\s*[A-Za-z]{2,}/g, '[邮箱已隐去]'],
  // ID card: 17 digits and a check character, however grouped.
  [new RegExp(`(?<![\\dA-Za-z])${digits(17)}${SEP}[\\dXx](?![\\dA-Za-z])`, 'g'), '[证件号已隐去]'],
  // QQ and WeChat ids after their name (a WeChat id: a letter, then 5–19 letters, digits, - or _).
  [/(?:QQ|qq|Qq|扣扣)\s*(?:号码|号)?\s*[:：]?\s*[1-9]\d{4,11}(?!\d)/g, '[QQ号已隐去]'],
  [/(?:微信|weixin|wechat|WeChat|Wechat|WX|wx|VX|vx|V信)\s*(?:号)?\s*[:：]?\s*[A-Za-z][-_A-Za-z0-9]{5,19}/g, '[微信号已隐去]'],
  // Mobile (optionally +86), then landline with its area code.
  [new RegExp(`(?<!\\d)(?:\\+?86${SEP})?1[3-9]\\d(?:${SEP}\\d){8}(?!\\d)`, 'g'), '[电话已隐去]'],
  [new RegExp(`(?<!\\d)0\\d{2,3}${SEP}\\d{3,4}${SEP}\\d{4}(?!\\d)`, 'g'), '[电话已隐去]'],
  [/(?<!\d)\d{8,12}(?!\d)/g, '[学号/工号已隐去]'],
];

/** Full-width ASCII (！ to ～) and the ideographic space, as their half-width forms: one code unit each. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * Replaces every match of `pattern` in the half-width reading of `text` with `mask`. The reading
 * has exactly the same length as the text, so a match's place is its place in the original.
 */
function maskWhere(text: string, pattern: RegExp, mask: string): string {
  const read = halfWidth(text);
  let out = '';
  let last = 0;
  for (const m of read.matchAll(pattern)) {
    out += text.slice(last, m.index) + mask;
    last = m.index + m[0].length;
  }
  return out + text.slice(last);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `names`: people's names the caller knows (masked wherever they appear, at least 2 characters);
 * `accounts`: account names such as the writer's campus id or username (masked as whole words,
 * in any letter case, at least 3 characters).
 */
export function redact(text: string, names: string[] = [], accounts: string[] = []): string {
  let out = text;
  for (const [pattern, mask] of PATTERNS) out = maskWhere(out, pattern, mask);
  for (const account of new Set(accounts.map((a) => halfWidth(a.trim())).filter((a) => a.length >= 3))) {
    out = maskWhere(out, new RegExp(`(?<![A-Za-z0-9_])${escape(account)}(?![A-Za-z0-9_])`, 'gi'), '[账号已隐去]');
  }
  for (const name of new Set(names.map((n) => halfWidth(n.trim())).filter((n) => n.length >= 2))) {
    out = maskWhere(out, new RegExp(escape(name), 'g'), '[姓名已隐去]');
  }
  // Common Chinese self-introductions: "我是张三" / "我叫张三" / "本人张三".
  out = out.replace(/(我是|我叫|本人)([\u4e00-\u9fa5]{2,3})(?=[，,。.\s]|同学|老师|$)/g, '$1[姓名已隐去]');
  return out;
}

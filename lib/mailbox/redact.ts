/**
 * Masks personal data before a letter is published: e-mail addresses, mainland phone numbers,
 * ID card numbers, student / staff ids (8–12 digits) and names the caller knows (the writer's,
 * staff). The office reviews and edits the result: detection is a help, not a guarantee.
 */
const PATTERNS: Array<[RegExp, string]> = [
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[邮箱已隐去]'],
  [/\b\d{17}[\dXx]\b/g, '[证件号已隐去]'],
  [/(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g, '[电话已隐去]'],
  [/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, '[电话已隐去]'],
  [/(?<!\d)\d{8,12}(?!\d)/g, '[学号/工号已隐去]'],
];

export function redact(text: string, names: string[] = []): string {
  let out = text;
  for (const [pattern, mask] of PATTERNS) out = out.replace(pattern, mask);
  for (const name of names.map((n) => n.trim()).filter((n) => n.length >= 2)) {
    out = out.split(name).join('[姓名已隐去]');
  }
  // Common Chinese self-introductions: "我是张三" / "我叫张三" / "本人张三".
  out = out.replace(/(我是|我叫|本人)([\u4e00-\u9fa5]{2,3})(?=[，,。.\s]|同学|老师|$)/g, '$1[姓名已隐去]');
  return out;
}

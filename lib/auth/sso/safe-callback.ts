/** Only same-site paths may follow a login (no open redirect). */
export function safeCallback(value: string | string[] | undefined): string {
  const v = typeof value === 'string' ? value : '/';
  return v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/\\') ? v : '/';
}

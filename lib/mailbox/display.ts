/**
 * User text is rendered by React (escaped), but bidi controls would still flip what follows
 * them (e.g. "\u202Egnp.exe" reads as "exe.png"): they are shown as visible markers instead.
 */
export function showText(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => `[U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}

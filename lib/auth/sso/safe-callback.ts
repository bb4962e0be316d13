import { sameSitePath } from '../../safe-url';

/** Only same-site paths may follow a login (no open redirect); anything else goes home. */
export function safeCallback(value: string | string[] | undefined): string {
  return sameSitePath(value) ?? '/';
}

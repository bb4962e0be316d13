/**
 * The application a form has just submitted, handed to the next page (a full navigation) through
 * sessionStorage: the page then shows its confirmation once, without changing the application's URL.
 */
const KEY = 'zj:just-submitted';

export function markJustSubmitted(instanceId: string): void {
  try {
    sessionStorage.setItem(KEY, instanceId);
  } catch {
    // Storage disabled: the application page simply opens without the confirmation.
  }
}

let taken: string | null | undefined;

/** Read once per page load and cleared, so a reload or a later visit shows the plain page. */
export function takeJustSubmitted(): string | null {
  if (taken === undefined) {
    try {
      taken = sessionStorage.getItem(KEY);
      sessionStorage.removeItem(KEY);
    } catch {
      taken = null;
    }
  }
  return taken;
}

import { isAppError } from '@/workflows/engine/errors';
import type { ProcessDefinition } from '@/workflows/engine/types';
import { getDefinition } from '@/workflows/registry';

export { mayStart } from '@/workflows/engine/start-instance';

/** The current definition of a process id from a URL, or undefined (the page shows 404). */
export function findDefinition(id: string): ProcessDefinition | undefined {
  try {
    return getDefinition(id);
  } catch (error) {
    if (isAppError(error)) return undefined;
    throw error;
  }
}

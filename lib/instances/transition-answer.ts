import type { CommitResult } from '@/workflows/engine/commit';
import type { Label } from '@/workflows/engine/types';
import { currentStep } from '@/workflows/labels/current-step';
import { getDefinition } from '@/workflows/registry';

/**
 * What POST /api/v1/instances/{id}/events answers: where the instance stands after the event,
 * built from the rows the transition's own transaction wrote (commit's RETURNING), with no read
 * after it. Clients carry `revision` into their next `expectedRevision`; who wants the whole
 * instance asks for it (`?view=full`, the GET /api/v1/instances/{id} view) or reads it then.
 */
export interface TransitionAnswer {
  id: string;
  /** 流水号, the number people quote. */
  caseNo: string | null;
  status: string;
  /** The state path(s) the instance is in now (the same as the view's `state`). */
  state: string;
  /** The current step in words (as 我的申请 shows it) … */
  stateLabel: Label;
  /** … and every step people see, as the application page lists them (the view's `stateLabels`). */
  stateLabels: Label[];
  revision: number;
  /** The log entry this event wrote. */
  event: { seq: number; type: string; at: string };
}

export function transitionAnswer({ instance, event }: CommitResult): TransitionAnswer {
  const step = currentStep(getDefinition(instance.processId, instance.processVersion), instance.state);
  return {
    id: instance.id,
    caseNo: instance.caseNo,
    status: instance.status,
    state: instance.state,
    stateLabel: step.label,
    stateLabels: step.labels,
    revision: instance.revision,
    event: { seq: event.seq, type: event.type, at: event.at.toISOString() },
  };
}

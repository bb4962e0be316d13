'use client';

import { useEffect, useRef, useState } from 'react';
import './drafts.css';
import { sendJson, type UploadedFile } from '../_components/api-client';

/** The words of a new application's draft: its status line and its delete button. */
export interface DraftLabels {
  saving: string;
  saved: string;
  failed: string;
  restored: string;
  discard: string;
  discarded: string;
}

/** A saved draft to resume (lib/drafts): the text fields as typed and the files picked. */
export interface FormDraft {
  values: Record<string, string>;
  files: Record<string, UploadedFile[]>;
  updatedAt: string;
}

/** How long typing must pause before the draft is saved. */
const DRAFT_DEBOUNCE_MS = 1200;

const clock = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' });

const fileIds = (all: Record<string, UploadedFile[]>) => Object.fromEntries(Object.entries(all).map(([k, list]) => [k, list.map((x) => x.id)]));

const bodyOf = (values: Record<string, string>, files: Record<string, UploadedFile[]>) => JSON.stringify({ values, files: fileIds(files) });

/**
 * 草稿 for every application form (the declared ones and 体测's own): while `enabled`, the form as
 * it is goes to the server after a pause in typing (PUT replaces it). `stop` before sending the
 * application (its start deletes the draft in the same transaction: no save may land after it).
 */
export function useFormDraft(o: {
  processId: string;
  enabled: boolean;
  values: Record<string, string>;
  files: Record<string, UploadedFile[]>;
  restored: FormDraft | null | undefined;
  labels: DraftLabels | undefined;
  network: string;
}) {
  const { processId, enabled, values, files, labels, network } = o;
  const [status, setStatus] = useState<string | null>(o.restored ? `${labels?.restored ?? ''} ${clock(o.restored.updatedAt)}` : null);
  const [hasDraft, setHasDraft] = useState(Boolean(o.restored));
  // What was last saved (or restored, or what the form opened with): a render that changes nothing saves nothing.
  const saved = useRef(bodyOf(values, files));
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<unknown> | null>(null);
  const stopped = useRef(false);

  useEffect(() => {
    if (!enabled || !labels || stopped.current) return;
    const json = bodyOf(values, files);
    if (json === saved.current) return;
    if (pending.current) clearTimeout(pending.current);
    pending.current = setTimeout(() => {
      pending.current = null;
      setStatus(labels.saving);
      const request = sendJson<{ updatedAt: string }>('PUT', `/api/v1/drafts/${processId}`, JSON.parse(json), network).then((result) => {
        if (stopped.current) return;
        if (result.ok) {
          saved.current = json;
          setHasDraft(true);
          setStatus(`${labels.saved} ${clock(result.data.updatedAt)}`);
        } else setStatus(labels.failed);
      });
      inFlight.current = request;
    }, DRAFT_DEBOUNCE_MS);
    return () => {
      if (pending.current) clearTimeout(pending.current);
    };
  }, [values, files, enabled, processId, labels, network]);

  /** Stops auto-saving and waits for a save under way, so nothing is written after this. */
  async function stop() {
    stopped.current = true;
    if (pending.current) clearTimeout(pending.current);
    await inFlight.current;
  }

  /** Auto-saving again (the application was refused: the person goes on typing). */
  function resume() {
    stopped.current = false;
  }

  /** Deletes the draft; true when gone, and the caller then empties the form to `cleared`. */
  async function discard(cleared: { values: Record<string, string>; files: Record<string, UploadedFile[]> }): Promise<boolean> {
    await stop();
    const result = await sendJson('DELETE', `/api/v1/drafts/${processId}`, undefined, network);
    stopped.current = false;
    if (!result.ok) {
      setStatus(result.message);
      return false;
    }
    saved.current = bodyOf(cleared.values, cleared.files);
    setHasDraft(false);
    setStatus(labels?.discarded ?? null);
    return true;
  }

  return { status, hasDraft, stop, resume, discard };
}

/** The draft's status line under the form, and its delete button once there is one. */
export function DraftBar({ status, hasDraft, discardLabel, onDiscard, busy }: { status: string | null; hasDraft: boolean; discardLabel: string; onDiscard: () => void; busy: boolean }) {
  return (
    <div className="draft-bar">
      <p className="muted draft-status" role="status" aria-live="polite" data-testid="draft-status">
        {status}
      </p>
      {hasDraft ? (
        <button className="btn secondary" type="button" onClick={onDiscard} disabled={busy}>
          {discardLabel}
        </button>
      ) : null}
    </div>
  );
}

'use client';

/**
 * The second half of "asks once": a step that cannot be undone (撤回, 催缴 to every overdue
 * tenant …) first shows what it will do, then waits for 确认 or 取消. The caller keeps whether it
 * is asking and renders this in place of the button that asked.
 */
export function ConfirmStep({
  question,
  confirm,
  cancel,
  busy,
  onConfirm,
  onCancel,
}: {
  question: string;
  confirm: string;
  cancel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <>
      <p className="alert info" role="status">
        {question}
      </p>
      <div className="actions">
        <button type="button" className="btn" disabled={busy} onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" className="btn secondary" disabled={busy} onClick={onCancel}>
          {cancel}
        </button>
      </div>
    </>
  );
}

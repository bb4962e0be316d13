'use client';

import { useActionState, useState } from 'react';
import { actOnLink, type ActState } from '../actions';

interface Action {
  type: string;
  label: string;
  requiresComment: boolean;
  tone: 'primary' | 'danger' | 'neutral';
}

/** The actions of one task; the button pressed is the confirmation. */
export function ActForm({
  token,
  actions,
  labels,
}: {
  token: string;
  actions: Action[];
  labels: { comment: string; commentHint: string; commentRequired: string; working: string; view: string; done: string };
}) {
  const [state, formAction, pending] = useActionState<ActState, FormData>(actOnLink, {});
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);

  if (state.done) {
    const label = actions.find((a) => a.type === state.done!.type)?.label ?? state.done.type;
    return (
      <div>
        <div className="alert ok" role="status">
          {labels.done.replace('{action}', label)}
        </div>
        <a className="btn block" href={`/applications/${state.done.instanceId}`}>
          {labels.view}
        </a>
      </div>
    );
  }
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        const action = actions.find((a) => a.type === submitter?.value);
        if (action?.requiresComment && comment.trim() === '') {
          e.preventDefault();
          setMissing(true);
          document.getElementById('act-comment')?.focus();
        }
      }}
    >
      <input type="hidden" name="token" value={token} />
      {state.error ? (
        <div className="alert error" role="alert">
          {state.error}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="act-comment">{labels.comment}</label>
        <span className="hint" id="act-comment-hint">
          {labels.commentHint}
        </span>
        <textarea
          id="act-comment"
          name="comment"
          rows={3}
          maxLength={2000}
          value={comment}
          aria-describedby="act-comment-hint"
          aria-invalid={missing}
          onChange={(e) => {
            setComment(e.target.value);
            setMissing(false);
          }}
        />
        {missing ? (
          <span className="error" role="alert">
            {labels.commentRequired}
          </span>
        ) : null}
      </div>
      <div className="act-buttons">
        {actions.map((a) => (
          <button
            key={a.type}
            className={`btn ${a.tone === 'danger' ? 'danger' : a.tone === 'neutral' ? 'secondary' : ''}`}
            type="submit"
            name="type"
            value={a.type}
            disabled={pending}
          >
            {pending ? labels.working : a.label}
          </button>
        ))}
      </div>
    </form>
  );
}

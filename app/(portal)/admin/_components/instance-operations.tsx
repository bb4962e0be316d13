'use client';

import { useState } from 'react';
import { sendJson } from '@/app/_components/api-client';

interface Labels {
  title: string;
  reassign: string;
  reassignTo: string;
  cancel: string;
  cancelReason: string;
  network: string;
  task: string;
}

/** An operator's actions on a running instance: reassign an open task, cancel with a reason. */
export function InstanceOperations({ instanceId, revision, tasks, labels }: { instanceId: string; revision: number; tasks: Array<{ id: string; label: string }>; labels: Labels }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [taskId, setTaskId] = useState(tasks[0]?.id ?? '');
  const [username, setUsername] = useState('');
  const [reason, setReason] = useState('');

  async function run(url: string, body: unknown) {
    setBusy(true);
    setError(null);
    const result = await sendJson('POST', url, body, labels.network);
    if (result.ok) window.location.reload();
    else {
      setError(result.message);
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="ops-title">
      <h2 id="ops-title">{labels.title}</h2>
      {error && (
        <div className="alert error" role="alert">
          {error}
        </div>
      )}
      {tasks.length > 0 && (
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); void run(`/api/v1/admin/tasks/${taskId}/reassign`, { username }); }}>
          <label htmlFor="op-task">{labels.task}</label>
          <select id="op-task" value={taskId} onChange={(e) => setTaskId(e.target.value)}>
            {tasks.map((k) => (
              <option key={k.id} value={k.id}>
                {k.label}
              </option>
            ))}
          </select>
          <label htmlFor="op-user">{labels.reassignTo}</label>
          <input id="op-user" value={username} onChange={(e) => setUsername(e.target.value)} required />
          <button className="btn" type="submit" disabled={busy}>
            {labels.reassign}
          </button>
        </form>
      )}
      <form className="inline-form" style={{ marginTop: 12 }} onSubmit={(e) => { e.preventDefault(); void run(`/api/v1/admin/instances/${instanceId}/cancel`, { reason, expectedRevision: revision }); }}>
        <label htmlFor="op-reason">{labels.cancelReason}</label>
        <input id="op-reason" value={reason} onChange={(e) => setReason(e.target.value)} required />
        <button className="btn danger" type="submit" disabled={busy}>
          {labels.cancel}
        </button>
      </form>
    </section>
  );
}

'use client';

import { useState } from 'react';
import { sendJson } from '@/app/_components/api-client';

/** Pick the movable instances of a dry run and move them. */
export function MigrateForm({ processId, targetVersion, ids, labels }: { processId: string; targetVersion: number; ids: string[]; labels: { move: string; moved: string; network: string } }) {
  const [chosen, setChosen] = useState<string[]>(ids);
  const [message, setMessage] = useState<string | null>(null);
  async function move() {
    const r = await sendJson<{ moved: string[]; refused: Array<{ id: string; message: string }> }>('POST', '/api/v1/admin/migrations', { processId, targetVersion, ids: chosen }, labels.network);
    if (r.ok) setMessage(`${labels.moved.replace('{n}', String(r.data.moved.length))}${r.data.refused.map((x) => `；${x.id.slice(0, 8)}: ${x.message}`).join('')}`);
    else setMessage(r.message);
  }
  return (
    <div>
      <ul>
        {ids.map((id) => (
          <li key={id}>
            <label>
              <input type="checkbox" checked={chosen.includes(id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, id] : chosen.filter((x) => x !== id))} /> {id}
            </label>
          </li>
        ))}
      </ul>
      <button type="button" className="btn" onClick={move} disabled={chosen.length === 0}>
        {labels.move}
      </button>
      {message && <p role="status">{message}</p>}
    </div>
  );
}

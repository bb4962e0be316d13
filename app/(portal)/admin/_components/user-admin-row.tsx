'use client';

import { useState } from 'react';
import { sendJson } from '@/app/_components/api-client';

interface Labels {
  activate: string;
  deactivate: string;
  addRole: string;
  role: string;
  scope: string;
  global: string;
  remove: string;
  network: string;
}

/** Activate/deactivate a person and edit their role bindings. */
export function UserAdminControls({ userId, active, roles, allRoles, units, labels }: { userId: string; active: boolean; roles: Array<{ id: string; label: string }>; allRoles: Array<{ id: string; label: string }>; units: Array<{ id: string; name: string }>; labels: Labels }) {
  const [error, setError] = useState<string | null>(null);
  const [role, setRole] = useState(allRoles[0]?.id ?? '');
  const [scope, setScope] = useState('');
  async function run(url: string, body: unknown) {
    setError(null);
    const r = await sendJson('POST', url, body, labels.network);
    if (r.ok) window.location.reload();
    else setError(r.message);
  }
  return (
    <div>
      {error && <div className="alert error" role="alert">{error}</div>}
      <ul>
        {roles.map((b) => (
          <li key={b.id}>
            {b.label}{' '}
            <button type="button" className="btn secondary" onClick={() => run(`/api/v1/admin/role-bindings/${b.id}/revoke`, {})}>
              {labels.remove}
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <label>
          {labels.role}{' '}
          <select value={role} onChange={(e) => setRole(e.target.value)}>
            {allRoles.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
          </select>
        </label>
        <label>
          {labels.scope}{' '}
          <select value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="">{labels.global}</option>
            {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </label>
        <button type="button" className="btn secondary" onClick={() => run(`/api/v1/admin/users/${userId}/roles`, { role, orgUnitId: scope || null })}>
          {labels.addRole}
        </button>
        <button type="button" className={active ? 'btn danger' : 'btn'} onClick={() => run(`/api/v1/admin/users/${userId}/active`, { active: !active })}>
          {active ? labels.deactivate : labels.activate}
        </button>
      </div>
    </div>
  );
}

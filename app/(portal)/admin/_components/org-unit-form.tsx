'use client';

import { useState } from 'react';
import { sendJson } from '@/app/_components/api-client';

export interface OrgUnitValue {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: 'department' | 'college' | 'school';
  active: boolean;
}

/** Edits one org unit (or creates one when `isNew`). */
export function OrgUnitForm({ value, isNew, labels }: { value: OrgUnitValue; isNew?: boolean; labels: Record<'id' | 'nameZh' | 'nameEn' | 'kind' | 'active' | 'save' | 'department' | 'college' | 'school' | 'network', string> }) {
  const [v, setV] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const prefix = `ou-${value.id || 'new'}`;
  async function save(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const r = await sendJson('POST', '/api/v1/admin/org-units', v, labels.network);
    if (!r.ok) setError(r.message);
    else if (isNew) window.location.reload();
    else setSaved(true);
  }
  return (
    <form className="inline-form" onSubmit={save} onChange={() => setSaved(false)}>
      {error && <div className="alert error" role="alert">{error}</div>}
      <label htmlFor={`${prefix}-id`}>{labels.id}</label>
      <input id={`${prefix}-id`} value={v.id} readOnly={!isNew} onChange={(e) => setV({ ...v, id: e.target.value })} size={14} />
      <label htmlFor={`${prefix}-zh`}>{labels.nameZh}</label>
      <input id={`${prefix}-zh`} value={v.nameZh} onChange={(e) => setV({ ...v, nameZh: e.target.value })} />
      <label htmlFor={`${prefix}-en`}>{labels.nameEn}</label>
      <input id={`${prefix}-en`} value={v.nameEn} onChange={(e) => setV({ ...v, nameEn: e.target.value })} />
      <label htmlFor={`${prefix}-kind`}>{labels.kind}</label>
      <select id={`${prefix}-kind`} value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value as OrgUnitValue['kind'] })}>
        <option value="department">{labels.department}</option>
        <option value="college">{labels.college}</option>
        <option value="school">{labels.school}</option>
      </select>
      <label>
        <input type="checkbox" checked={v.active} onChange={(e) => setV({ ...v, active: e.target.checked })} /> {labels.active}
      </label>
      <button className="btn secondary" type="submit">{labels.save}</button>
      {saved && <span role="status">✓</span>}
    </form>
  );
}

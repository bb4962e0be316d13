'use client';

import { startTransition, useActionState, useState } from 'react';
import type { UploadedFile } from '../../../_components/api-client';
import { FileUpload, type FileUploadLabels } from '../../../_components/file-upload';
import { noticeAction, type NoticeFormState } from '../actions';

type Labels = Record<
  | 'noticeTitle' | 'body' | 'requiresAck' | 'urgent' | 'target' | 'byOrg' | 'byRole' | 'byList' | 'org' | 'role'
  | 'anyRole' | 'list' | 'listFile' | 'preview' | 'previewCount' | 'unknown' | 'send',
  string
>;

export function NoticeForm({
  orgs,
  roles,
  labels,
  uploadLabels,
}: {
  orgs: Array<{ id: string; name: string }>;
  roles: Array<{ id: string; name: string }>;
  labels: Labels;
  uploadLabels: FileUploadLabels;
}) {
  const [state, action, pending] = useActionState<NoticeFormState, FormData>(noticeAction, {});
  const [kind, setKind] = useState<'org' | 'role' | 'list'>('org');
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [list, setList] = useState('');
  // Controlled, because React resets a form after its action runs and a preview must keep what was typed.
  const [v, setV] = useState({ title: '', body: '', requiresAck: false, urgent: false, orgUnitId: orgs[0]?.id ?? '', role: roles[0]?.id ?? '', roleOrgUnitId: '' });
  const set = (k: keyof typeof v) => (e: { target: { value: string; checked?: boolean; type?: string } }) =>
    setV((old) => ({ ...old, [k]: e.target.type === 'checkbox' ? Boolean(e.target.checked) : e.target.value }));
  const fieldError = (name: string) =>
    state.fields?.[name] ? (
      <span className="error" role="alert">
        {state.fields[name]}
      </span>
    ) : null;

  return (
    <form
      className="notify-form"
      onSubmit={(e) => {
        // Dispatched by hand (not <form action>) so React does not reset the form after a preview.
        e.preventDefault();
        const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
        startTransition(() => action(data));
      }}
    >
      {state.error ? (
        <div className="alert error" role="alert">
          {state.error}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="notice-title">{labels.noticeTitle}</label>
        <input id="notice-title" name="title" type="text" required maxLength={120} value={v.title} onChange={set('title')} />
        {fieldError('title')}
      </div>
      <div className="field">
        <label htmlFor="notice-body">{labels.body}</label>
        <textarea id="notice-body" name="body" rows={6} required value={v.body} onChange={set('body')} />
        {fieldError('body')}
      </div>
      <FileUpload name="attachment" labels={uploadLabels} files={files} onChange={setFiles} max={1} />
      {files[0] ? <input type="hidden" name="attachmentId" value={files[0].id} /> : null}
      <label className="choice">
        <input type="checkbox" name="requiresAck" checked={v.requiresAck} onChange={set('requiresAck')} />
        <span>{labels.requiresAck}</span>
      </label>
      <label className="choice">
        <input type="checkbox" name="urgent" checked={v.urgent} onChange={set('urgent')} />
        <span>{labels.urgent}</span>
      </label>
      <fieldset className="field" style={{ marginTop: 16 }}>
        <legend>{labels.target}</legend>
        {(['org', 'role', 'list'] as const).map((k) => (
          <label className="choice" key={k}>
            <input type="radio" name="targetKind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            <span>{labels[k === 'org' ? 'byOrg' : k === 'role' ? 'byRole' : 'byList']}</span>
          </label>
        ))}
      </fieldset>
      {kind === 'org' ? (
        <div className="field">
          <label htmlFor="notice-org">{labels.org}</label>
          <select id="notice-org" name="orgUnitId" value={v.orgUnitId} onChange={set('orgUnitId')}>
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {kind === 'role' ? (
        <>
          <div className="field">
            <label htmlFor="notice-role">{labels.role}</label>
            <select id="notice-role" name="role" value={v.role} onChange={set('role')}>
              {roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="notice-role-org">{labels.org}</label>
            <select id="notice-role-org" name="roleOrgUnitId" value={v.roleOrgUnitId} onChange={set('roleOrgUnitId')}>
              <option value="">{labels.anyRole}</option>
              {orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : null}
      {kind === 'list' ? (
        <div className="field">
          <label htmlFor="notice-list">{labels.list}</label>
          <textarea id="notice-list" name="list" rows={6} value={list} onChange={(e) => setList(e.target.value)} />
          <label htmlFor="notice-list-file" className="hint">
            {labels.listFile}
          </label>
          <input
            id="notice-list-file"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (f && f.size < 2_000_000) setList(await f.text());
            }}
          />
          {fieldError('target')}
        </div>
      ) : null}
      {state.preview ? (
        <div className="alert info" role="status" data-testid="notice-preview">
          {labels.previewCount.replace('{count}', String(state.preview.count))}
          {state.preview.unknown.length > 0 ? (
            <div>
              {labels.unknown
                .replace('{count}', String(state.preview.unknown.length))
                .replace('{ids}', state.preview.unknown.slice(0, 20).join('、'))}
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="act-buttons" style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <button className="btn secondary" type="submit" name="intent" value="preview" disabled={pending}>
          {labels.preview}
        </button>
        <button className="btn" type="submit" name="intent" value="send" disabled={pending}>
          {labels.send}
        </button>
      </div>
    </form>
  );
}

'use client';

import { useState } from 'react';

/**
 * 下载审批记录 (or an issued notice's record; lib/records/record-name.ts names it): asks the server for the record's PDF (it takes a moment: the form, the log and a
 * font subset are put together), says so while it does, then saves the file.
 */
export function RecordDownload({ instanceId, labels }: { instanceId: string; labels: { download: string; generating: string; done: string; failed: string; fileName: string } }) {
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'failed'>('idle');
  const [failure, setFailure] = useState('');
  const download = async () => {
    setState('busy');
    try {
      const res = await fetch(`/api/v1/instances/${instanceId}/record`, { headers: { accept: 'application/pdf' } });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setFailure(body?.error?.message ?? labels.failed);
        setState('failed');
        return;
      }
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = labels.fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState('done');
    } catch {
      setFailure(labels.failed);
      setState('failed');
    }
  };
  return (
    <div className="record-download" style={{ marginTop: 12 }}>
      <button type="button" className="btn secondary block" onClick={() => void download()} disabled={state === 'busy'} aria-busy={state === 'busy'}>
        {state === 'busy' ? labels.generating : labels.download}
      </button>
      <p role="status" aria-live="polite" className={state === 'failed' ? 'alert error' : 'muted'} style={{ margin: '8px 0 0' }} data-testid="record-download-status">
        {state === 'busy' ? labels.generating : state === 'done' ? labels.done : state === 'failed' ? failure : ''}
      </p>
    </div>
  );
}

'use client';

import { useState, type FormEvent } from 'react';
import { sendJson } from '../../_components/api-client';
import { LetterAttachments, type AttachmentLabels, type LetterAttachment } from './letter-attachments';

interface Labels {
  category: string;
  categories: Array<{ value: string; label: string }>;
  subject: string;
  content: string;
  contentHint: string;
  anonymous: string;
  name: string;
  contact: string;
  contactHint: string;
  consent: string;
  website: string;
  submit: string;
  submitting: string;
  networkError: string;
  sentTitle: string;
  sentKeep: string;
  trackingLink: string;
  queryCode: string;
  copy: string;
  copied: string;
  open: string;
  qr: string;
  attachments: AttachmentLabels;
}

interface Sent {
  trackingUrl: string;
  queryCode: string;
  qrSvg: string;
}

function CopyButton({ text, labels }: { text: string; labels: Labels }) {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className="btn secondary"
      onClick={() => navigator.clipboard?.writeText(text).then(() => setDone(true), () => setDone(false))}
    >
      {done ? labels.copied : labels.copy}
    </button>
  );
}

/** The letter form; on success it shows the link and code once, with copy buttons and a QR code. */
export function LetterForm({ labels, maxBytes }: { labels: Labels; maxBytes: number }) {
  const [anonymous, setAnonymous] = useState(false);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [files, setFiles] = useState<LetterAttachment[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<Sent | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const result = await sendJson<Sent>(
      'POST',
      '/api/v1/mailbox/letters',
      {
        website: String(data.get('website') ?? ''),
        attachmentClaims: files.map((f) => ({ id: f.id, claim: f.claim })),
        letter: {
          category: String(data.get('category') ?? ''),
          subject: String(data.get('subject') ?? ''),
          content: String(data.get('content') ?? ''),
          anonymous,
          name: anonymous ? undefined : String(data.get('name') ?? '') || undefined,
          contact: String(data.get('contact') ?? '') || undefined,
          consentPublish: data.get('consentPublish') === 'on',
          attachments: files.map((f) => f.id),
        },
      },
      labels.networkError,
    );
    setBusy(false);
    if (result.ok) {
      setSent(result.data);
      window.scrollTo(0, 0);
    } else {
      setError(result.message);
      setFields(Object.fromEntries(Object.entries(result.fields ?? {}).map(([k, v]) => [k.replace(/^letter\./, ''), v])));
    }
  }

  if (sent) {
    return (
      <section className="card" aria-live="polite" data-testid="letter-sent">
        <h2>{labels.sentTitle}</h2>
        <p className="alert info">{labels.sentKeep}</p>
        <h3>{labels.queryCode}</h3>
        <p className="mb-code" data-testid="query-code">
          {sent.queryCode}
        </p>
        <CopyButton text={sent.queryCode} labels={labels} />
        <h3 style={{ marginTop: 16 }}>{labels.trackingLink}</h3>
        <p className="mb-link" data-testid="tracking-url">
          {sent.trackingUrl}
        </p>
        <div className="actions">
          <CopyButton text={sent.trackingUrl} labels={labels} />
          <a className="btn" href={sent.trackingUrl} rel="noreferrer">
            {labels.open}
          </a>
        </div>
        <figure style={{ margin: '16px 0 0' }}>
          {/* Generated on our server from our own URL by the qrcode package: no user markup inside. */}
          <div className="mb-qr" role="img" aria-label={labels.qr} dangerouslySetInnerHTML={{ __html: sent.qrSvg }} />
          <figcaption className="muted">{labels.qr}</figcaption>
        </figure>
      </section>
    );
  }

  const err = (name: string) =>
    fields[name] ? (
      <span className="error" id={`${name}-error`}>
        {fields[name]}
      </span>
    ) : null;
  return (
    <form className="card" onSubmit={submit} noValidate>
      {error ? (
        <p className="alert error" role="alert">
          {error}
        </p>
      ) : null}
      <fieldset className="field">
        <legend>{labels.category}</legend>
        {labels.categories.map((c, i) => (
          <label key={c.value} className="choice">
            <input type="radio" name="category" value={c.value} defaultChecked={i === 0} />
            <span>{c.label}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="subject">{labels.subject}</label>
        <input id="subject" name="subject" type="text" maxLength={100} required aria-describedby="subject-error" />
        {err('subject')}
      </div>
      <div className="field">
        <label htmlFor="content">{labels.content}</label>
        <span className="hint" id="content-hint">
          {labels.contentHint}
        </span>
        <textarea id="content" name="content" rows={8} required aria-describedby="content-hint content-error" />
        {err('content')}
      </div>
      <LetterAttachments labels={labels.attachments} maxBytes={maxBytes} files={files} onChange={setFiles} onBusy={setUploading} />
      {err('attachments')}
      <label className="choice">
        <input type="checkbox" name="anonymous" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        <span>{labels.anonymous}</span>
      </label>
      {anonymous ? null : (
        <div className="field">
          <label htmlFor="name">{labels.name}</label>
          <input id="name" name="name" type="text" maxLength={50} autoComplete="name" />
        </div>
      )}
      <div className="field">
        <label htmlFor="contact">{labels.contact}</label>
        <span className="hint" id="contact-hint">
          {labels.contactHint}
        </span>
        <input id="contact" name="contact" type="text" maxLength={100} autoComplete="email" aria-describedby="contact-hint contact-error" />
        {err('contact')}
      </div>
      <label className="choice">
        <input type="checkbox" name="consentPublish" />
        <span>{labels.consent}</span>
      </label>
      <div className="mb-honey" aria-hidden="true">
        <label htmlFor="website">{labels.website}</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <button className="btn block" type="submit" disabled={busy || uploading}>
        {busy ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}

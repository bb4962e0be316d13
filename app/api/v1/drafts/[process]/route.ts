import { NextResponse } from 'next/server';
import { readJson, route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { draftBody } from '@/lib/drafts/draft-body';
import { discardDraft, getDraft, saveDraft } from '@/lib/drafts/drafts';

type Params = { process: string };

/** 草稿: the caller's draft of this process's form, or null. */
export const GET = route<Params>(async ({ user, params }) => {
  const db = await getDb();
  return NextResponse.json({ draft: await getDraft(db, user, params.process) });
}, { permission: 'process.start' });

/** Keeps the form as typed (auto-saved while typing); replaces the previous draft. */
export const PUT = route<Params>(async ({ req, user, params }) => {
  const db = await getDb();
  return NextResponse.json(await saveDraft(db, user, params.process, await readJson(req, draftBody), await now(db)));
}, { permission: 'process.start' });

/** Deletes the draft; its files are then swept like any upload never sent. */
export const DELETE = route<Params>(async ({ user, params }) => {
  await discardDraft(await getDb(), user, params.process);
  return NextResponse.json({ ok: true });
}, { permission: 'process.start' });

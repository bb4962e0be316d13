import { provideEffectWriters } from '@/workflows/engine/effects';
import { writeWriterEmails } from '@/lib/mailbox/writer-notice';

/**
 * Hands the engine the writers of effects that need lib/ (workflows/ imports nothing from lib/):
 * imported for its effect by every lib module that drives the engine — lib/db.ts (the app),
 * the 校长信箱 modules, the timer runner. A transition with an effect whose writer was never
 * handed over fails rather than dropping it.
 */
provideEffectWriters({ emailWriter: writeWriterEmails });

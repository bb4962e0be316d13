import { provideDefinitions } from '@/workflows/engine/definitions';
import { provideEffectWriters } from '@/workflows/engine/effects';
import { getDefinition } from '@/workflows/registry';
import { writeWriterEmails } from '@/lib/mailbox/writer-notice';

/**
 * The one place that hands the engine what it does not import: the registry of process
 * definitions (workflows/engine looks them up only through DefinitionRegistry) and the writers of
 * effects that need lib/ (workflows/ imports nothing from lib/). Imported for its effect by every
 * module that drives the engine — lib/db.ts (the app), the 校长信箱 modules, the timer runner,
 * tests/helpers/test-db.ts and the benches. Driving the engine without it fails rather than
 * guessing a definition or dropping an effect.
 */
provideDefinitions({ getDefinition });
provideEffectWriters({ emailWriter: writeWriterEmails });

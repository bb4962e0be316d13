// Run as a separate process by proof-pglite-lock.test.ts: tries to open the embedded database
// in argv[2]; exit 0 if it opened, 3 (with the error's message on stderr) if it was refused.
import { openDatabase } from '@/db/client';

async function main(): Promise<void> {
  try {
    const database = await openDatabase({ kind: 'pglite', dataDir: process.argv[2]! });
    await database.close();
    console.log('OPENED');
    process.exit(0);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(3);
  }
}
void main();

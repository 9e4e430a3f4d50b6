import { existsSync } from 'node:fs';
import { errorText } from '../runtime/errors.js';
import { openStore, ping, type Store } from '../store/database.js';
import { isMigrated } from '../store/migrations.js';
import { AuditUsageError } from './usage-error.js';

const DEFAULT_URL = 'sqlite:./data/centric.db';

/** The URL without its password, for a message. */
function shown(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    if (u.searchParams.has('password')) u.searchParams.set('password', '***');
    return u.toString();
  } catch {
    return url.split(':')[0] ?? url;
  }
}

/**
 * Opens the bot's database (DATABASE_URL) for a command that only reads it (`centric digest`,
 * `centric outcomes`): never creates or migrates anything. Each refusal names DATABASE_URL and
 * says what to do: an unknown scheme, a missing SQLite file, a server that does not answer, a
 * database whose tables the bot has not created (or not yet brought up to this version).
 */
export async function openStoredData(env: NodeJS.ProcessEnv, what: string, firstRun = 'Run the bot first, or set DATABASE_URL to its database.'): Promise<Store> {
  const url = env.DATABASE_URL || DEFAULT_URL;
  const named = env.DATABASE_URL ? `DATABASE_URL (${shown(url)})` : `the default database ${DEFAULT_URL} (DATABASE_URL is not set)`;
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(url)) {
    throw new AuditUsageError(`DATABASE_URL must be sqlite:PATH or postgres://USER@HOST:PORT/DATABASE, not "${url.split(':')[0]}:…"`);
  }
  if (url.startsWith('sqlite:') && !existsSync(url.slice('sqlite:'.length))) {
    throw new AuditUsageError(`no ${what}: ${named} does not exist. ${firstRun}`);
  }
  let store: Store;
  try {
    store = openStore(url, { readonly: true });
  } catch (err) {
    // A path that cannot be opened (a folder, a file in the way): openStore says which and why.
    throw new AuditUsageError(errorText(err));
  }
  try {
    await ping(store);
    if (!(await isMigrated(store.db))) {
      throw new AuditUsageError(`no ${what}: ${named} has no Centric tables yet, or those of an older version: start the bot once (npm start) so it sets them up, then run this again.`);
    }
    return store;
  } catch (err) {
    await store.close().catch(() => undefined);
    if (err instanceof AuditUsageError) throw err;
    throw new AuditUsageError(`cannot read ${named}: ${errorText(err)}`);
  }
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { homeData } from '../../src/flows/app-home.js';
import { scopeDigest } from '../../src/flows/post-digest.js';
import { RateLimiter } from '../../src/flows/rate-limit.js';
import { runCommand, type CommandDeps } from '../../src/flows/slash-commands.js';
import type { Store } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrations.js';
import { lastFindingsHash, nudgesInMessage, pruneNudges, queuedNudges, queueNudgeOnce, sentNudgesOf } from '../../src/store/nudges.js';
import { pruneReviews } from '../../src/store/outcomes.js';
import { prune } from '../../src/store/reports.js';
import type { Database } from '../../src/store/schema.js';

/**
 * With a million stored reports (issue 19) a read of a whole large table is what makes App Home,
 * /centric mine or the digest slow. These tests run the real code paths on SQLite, record every
 * statement they send, and ask SQLite how it runs each one: none may read a large table whole.
 * (`npm run bench` times the same paths on a generated million rows.)
 */
const LARGE = ['reports', 'report_history', 'nudges', 'outcome_reviews', 'inbox'];
const NOW = Date.UTC(2026, 10, 23, 8);
const DAY = 86_400_000;

interface Recorded {
  sql: string;
  parameters: unknown[];
}

/** A store whose statements are recorded, and a way to ask SQLite's plan of each. */
async function recordingStore(): Promise<{ store: Store; recorded: Recorded[]; plan: (r: Recorded) => string[]; close: () => void }> {
  const file = new SQLite(join(mkdtempSync(join(tmpdir(), 'centric-plans-')), 'centric.db'));
  const recorded: Recorded[] = [];
  const recordingFile = new Proxy(file, {
    get(target, property) {
      if (property === 'prepare') {
        return (sql: string) => {
          const stmt = target.prepare(sql);
          const keep = (parameters: unknown[]) => recorded.push({ sql, parameters });
          return new Proxy(stmt, {
            get(s, p) {
              const value = Reflect.get(s, p);
              if (p === 'all' || p === 'run' || p === 'iterate') return (parameters: unknown[]) => (keep(parameters), value.call(s, parameters));
              return typeof value === 'function' ? value.bind(s) : value;
            },
          });
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: recordingFile }) });
  await migrate(db);
  recorded.length = 0;
  const store: Store = { db, dialect: 'sqlite', location: 'sqlite:plans', close: () => db.destroy() };
  const plan = (r: Recorded) => (file.prepare(`explain query plan ${r.sql}`).all(r.parameters as unknown[]) as Array<{ detail: string }>).map((row) => row.detail);
  return { store, recorded, plan, close: () => file.close() };
}

/** The plan lines that read a large table whole (a table or covering-index scan); empty when every read is a search. */
function wholeReads(r: Recorded, plan: (r: Recorded) => string[]): string[] {
  if (!/^\s*(select|update|delete)/i.test(r.sql)) return [];
  return plan(r)
    .filter((line) => LARGE.some((table) => new RegExp(`^SCAN ${table}\\b|^SCAN \\w+ .*\\b${table}\\b`).test(line)))
    .map((line) => `${line}  <-  ${r.sql.slice(0, 120)}`);
}

let opened: Awaited<ReturnType<typeof recordingStore>> | undefined;
afterEach(async () => {
  await opened?.store.close();
  opened?.close();
  opened = undefined;
});

async function seeded() {
  opened = await recordingStore();
  const { db } = opened.store;
  await db.insertInto('user_links').values({ slack_user_id: 'U1', jira_account_id: 'acc-priya', linked_by: 'email', linked_at: 0 }).execute();
  const report = (key: string, score: number, reporter: string, assignee: string | null) => ({
    ticket_key: key, project: 'SHOP', issue_type: 'Story', status: 'To Do', score, passing: 0, skipped: 0, role: 'user',
    reporter_account_id: reporter, assignee_account_id: assignee, report_json: '{}', findings_hash: key, linted_at: NOW - DAY, benefit: null, cost: null, done: 0,
  });
  await db.insertInto('reports').values([report('SHOP-1', 60, 'acc-priya', null), report('SHOP-2', 20, 'acc-marek', 'acc-priya'), report('SHOP-3', 90, 'acc-marek', null)]).execute();
  const lint = (key: string, score: number, at: number) => ({ ticket_key: key, project: 'SHOP', score, passing: 0, role: 'user', failed_rules: 'customer-value', linted_at: at });
  await db.insertInto('report_history').values([lint('SHOP-1', 60, NOW - DAY), lint('SHOP-2', 20, NOW - 2 * DAY), lint('SHOP-3', 90, NOW - 9 * DAY)]).execute();
  opened.recorded.length = 0;
  return opened;
}

const browseAll = { userMay: async () => true };

describe('the reads a person waits for, on SQLite', () => {
  it('App Home and /centric mine read a person\'s reports and the week\'s history through indexes', async () => {
    const { store, recorded, plan } = await seeded();
    const home = await homeData({ store, jira: browseAll, clock: () => NOW, defaultWorkingHours: { start: '09:00', end: '17:00' }, config: DEFAULT_CONFIG }, 'U1');
    expect(home.failing.map((t) => t.key)).toEqual(['SHOP-2', 'SHOP-1']);
    expect(home.mine).toEqual({ thisWeek: 40, lastWeek: null });
    expect(home.team).toEqual({ thisWeek: 40, lastWeek: 90 });
    const deps = { store, config: DEFAULT_CONFIG, clock: () => NOW, jira: browseAll, limiter: new RateLimiter(100, () => NOW) } as unknown as CommandDeps;
    expect(await runCommand(deps, { userId: 'U1', channelId: 'C1' }, { name: 'mine' })).toMatchObject({ kind: 'mine', tickets: [{ key: 'SHOP-2' }, { key: 'SHOP-1' }] });
    expect(recorded.length).toBeGreaterThan(5);
    expect(recorded.flatMap((r) => wholeReads(r, plan))).toEqual([]);
    // What a whole read looks like, so the check above cannot pass by recognising nothing.
    expect(wholeReads({ sql: 'select ticket_key from reports where role = ?', parameters: ['user'] }, plan)).toHaveLength(1);
    expect(wholeReads({ sql: 'select avg(score) from report_history where score > ?', parameters: [1] }, plan)).toHaveLength(1);
  });

  it('the digest of a project reads its history and reports through indexes', async () => {
    const { store, recorded, plan } = await seeded();
    const digest = await scopeDigest({ store, config: DEFAULT_CONFIG }, { type: 'project', value: 'SHOP' }, NOW);
    expect(digest.period.tickets).toBe(2);
    expect(recorded.flatMap((r) => wholeReads(r, plan))).toEqual([]);
  });

  it('nudge lookups and the nightly retention search by index', async () => {
    const { store, recorded, plan } = await seeded();
    await queueNudgeOnce(store, { slackUserId: 'U1', ticketKey: 'SHOP-1', findingsHash: 'h', details: '{}', now: NOW });
    await queuedNudges(store);
    await sentNudgesOf(store, 'SHOP-1');
    await nudgesInMessage(store, 'D1', '1.2');
    await lastFindingsHash(store, 'U1', 'SHOP-1');
    await prune(store, NOW - 400 * DAY, NOW - 7 * DAY);
    await pruneNudges(store, NOW - 180 * DAY);
    await pruneReviews(store, NOW - 730 * DAY);
    expect(recorded.flatMap((r) => wholeReads(r, plan))).toEqual([]);
  });
});

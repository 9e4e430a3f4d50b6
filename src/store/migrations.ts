import { type Kysely, type Migration, type MigrationProvider, Migrator, SqliteAdapter, sql } from 'kysely';

/** Migrations live in code so a single file (or a container) carries them. Never edit a shipped one. */
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-22-001-initial': {
    async up(db: Kysely<any>): Promise<void> {
      const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
      const id = (t: any) =>
        t.addColumn('id', 'integer', (c: any) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()));
      await db.schema
        .createTable('reports')
        .addColumn('ticket_key', 'text', (c) => c.primaryKey())
        .addColumn('project', 'text', (c) => c.notNull())
        .addColumn('issue_type', 'text', (c) => c.notNull())
        .addColumn('status', 'text')
        .addColumn('score', 'integer')
        .addColumn('passing', 'integer', (c) => c.notNull())
        .addColumn('skipped', 'integer', (c) => c.notNull())
        .addColumn('role', 'text')
        .addColumn('reporter_account_id', 'text')
        .addColumn('assignee_account_id', 'text')
        .addColumn('report_json', 'text', (c) => c.notNull())
        .addColumn('findings_hash', 'text', (c) => c.notNull())
        .addColumn('linted_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('reports_project').on('reports').columns(['project', 'linted_at']).execute();

      await id(db.schema.createTable('report_history'))
        .addColumn('ticket_key', 'text', (c: any) => c.notNull())
        .addColumn('project', 'text', (c: any) => c.notNull())
        .addColumn('score', 'integer')
        .addColumn('passing', 'integer', (c: any) => c.notNull())
        .addColumn('role', 'text')
        .addColumn('failed_rules', 'text', (c: any) => c.notNull())
        .addColumn('linted_at', 'bigint', (c: any) => c.notNull())
        .execute();
      await db.schema.createIndex('report_history_project').on('report_history').columns(['project', 'linted_at']).execute();
      await db.schema.createIndex('report_history_ticket').on('report_history').columns(['ticket_key', 'linted_at']).execute();

      await id(db.schema.createTable('inbox'))
        .addColumn('delivery_id', 'text', (c: any) => c.unique())
        .addColumn('kind', 'text', (c: any) => c.notNull())
        .addColumn('ticket_key', 'text')
        .addColumn('payload', 'text', (c: any) => c.notNull())
        .addColumn('status', 'text', (c: any) => c.notNull().defaultTo('pending'))
        .addColumn('attempts', 'integer', (c: any) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'bigint', (c: any) => c.notNull())
        .addColumn('locked_by', 'text')
        .addColumn('locked_until', 'bigint')
        .addColumn('last_error', 'text')
        .addColumn('coalesced_into', 'integer')
        .addColumn('created_at', 'bigint', (c: any) => c.notNull())
        .addColumn('updated_at', 'bigint', (c: any) => c.notNull())
        .execute();
      await db.schema.createIndex('inbox_claim').on('inbox').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('inbox_ticket').on('inbox').columns(['ticket_key', 'status']).execute();

      await id(db.schema.createTable('nudges'))
        .addColumn('slack_user_id', 'text', (c: any) => c.notNull())
        .addColumn('ticket_key', 'text', (c: any) => c.notNull())
        .addColumn('findings_hash', 'text', (c: any) => c.notNull())
        .addColumn('channel', 'text')
        .addColumn('message_ts', 'text')
        .addColumn('status', 'text', (c: any) => c.notNull())
        .addColumn('sent_at', 'bigint', (c: any) => c.notNull())
        .execute();
      await db.schema.createIndex('nudges_user').on('nudges').columns(['slack_user_id', 'sent_at']).execute();

      await id(db.schema.createTable('digest_subscriptions'))
        .addColumn('channel_id', 'text', (c: any) => c.notNull())
        .addColumn('scope_type', 'text', (c: any) => c.notNull())
        .addColumn('scope', 'text', (c: any) => c.notNull())
        .addColumn('weekday', 'integer', (c: any) => c.notNull())
        .addColumn('time', 'text', (c: any) => c.notNull())
        .addColumn('timezone', 'text', (c: any) => c.notNull())
        .addColumn('created_by', 'text', (c: any) => c.notNull())
        .addColumn('created_at', 'bigint', (c: any) => c.notNull())
        .execute();

      await db.schema
        .createTable('digest_runs')
        .addColumn('subscription_id', 'integer', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('claimed_by', 'text', (c) => c.notNull())
        .addColumn('posted_at', 'bigint')
        .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('digest_runs_pk', ['subscription_id', 'period'])
        .execute();

      await db.schema
        .createTable('user_links')
        .addColumn('slack_user_id', 'text', (c) => c.primaryKey())
        .addColumn('jira_account_id', 'text', (c) => c.notNull())
        .addColumn('linked_by', 'text', (c) => c.notNull())
        .addColumn('linked_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('snoozes')
        .addColumn('slack_user_id', 'text', (c) => c.notNull())
        .addColumn('ticket_key', 'text', (c) => c.notNull())
        .addColumn('findings_hash', 'text', (c) => c.notNull())
        .addColumn('until', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('snoozes_pk', ['slack_user_id', 'ticket_key'])
        .execute();

      await db.schema
        .createTable('mutes')
        .addColumn('slack_user_id', 'text', (c) => c.primaryKey())
        .addColumn('until', 'bigint')
        .addColumn('working_hours', 'text')
        .execute();
    },
  },
  '2026-11-22-002-sticky-comments': {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('sticky_comments')
        .addColumn('ticket_key', 'text', (c) => c.primaryKey())
        .addColumn('comment_id', 'text', (c) => c.notNull())
        .addColumn('body_hash', 'text', (c) => c.notNull())
        .addColumn('passing', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  '2026-11-22-003-nudge-queue': {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('nudges').addColumn('details', 'text').execute();
      await db.schema.alterTable('nudges').addColumn('queued_at', 'bigint').execute();
      await db.schema.createIndex('nudges_ticket').on('nudges').columns(['ticket_key', 'status']).execute();
    },
  },
  '2026-11-22-004-digest-claims': {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('digest_runs').addColumn('claimed_at', 'bigint').execute();
    },
  },
  '2026-11-23-005-digest-facts': {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('reports').addColumn('benefit', 'double precision').execute();
      await db.schema.alterTable('reports').addColumn('cost', 'double precision').execute();
      await db.schema.alterTable('reports').addColumn('done', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('mutes').addColumn('digest_mention', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
  },
  '2026-11-30-006-trust': {
    async up(db: Kysely<any>): Promise<void> {
      // A Jira event's own identity (issue id, timestamp, event type): a replay under a new delivery id is still one event.
      await db.schema.alterTable('inbox').addColumn('event_identity', 'text').execute();
      await db.schema.createIndex('inbox_event_identity').on('inbox').column('event_identity').unique().execute();
      // Earlier links were never proven: by hand, any account id; by e-mail, an unconfirmed address or
      // "the only search result". Proven links only from here on: e-mail links come back by themselves
      // at a person's next command, the others by /centric link.
      await db.deleteFrom('user_links').execute();
      await db.schema.alterTable('user_links').addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.createIndex('user_links_account').on('user_links').column('jira_account_id').execute();
      await db.schema
        .createTable('link_codes')
        .addColumn('slack_user_id', 'text', (c) => c.primaryKey())
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('ticket_key', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      // An admin's unlink sticks: no automatic e-mail link (nor a self-made one) until an admin links again.
      await db.schema
        .createTable('link_blocks')
        .addColumn('slack_user_id', 'text', (c) => c.primaryKey())
        .addColumn('blocked_by', 'text', (c) => c.notNull())
        .addColumn('blocked_at', 'bigint', (c) => c.notNull())
        .execute();
      // A failed scheduled digest waits before it is tried again, longer each time.
      await db.schema.alterTable('digest_runs').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('digest_runs').addColumn('retry_at', 'bigint').execute();
    },
  },
  '2026-11-30-007-outcome-reviews': {
    async up(db: Kysely<any>): Promise<void> {
      const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
      await db.schema
        .createTable('outcome_reviews')
        .addColumn('id', 'integer', (c) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()))
        .addColumn('ticket_key', 'text', (c) => c.notNull().unique())
        .addColumn('project', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('role', 'text')
        .addColumn('promise', 'text', (c) => c.notNull())
        .addColumn('reporter_account_id', 'text')
        .addColumn('assignee_account_id', 'text')
        .addColumn('shipped_at', 'bigint', (c) => c.notNull())
        .addColumn('due_at', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('asked_of', 'text')
        .addColumn('channel', 'text')
        .addColumn('message_ts', 'text')
        .addColumn('asked_at', 'bigint')
        .addColumn('reminded_at', 'bigint')
        .addColumn('too_early', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('outcome', 'text')
        .addColumn('measured', 'text')
        .addColumn('note', 'text')
        .addColumn('answered_by', 'text')
        .addColumn('answered_name', 'text')
        .addColumn('answered_account', 'text')
        .addColumn('answered_at', 'bigint')
        .addColumn('jira_comment_id', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('outcome_reviews_due').on('outcome_reviews').columns(['status', 'due_at']).execute();
      await db.schema.createIndex('outcome_reviews_project').on('outcome_reviews').columns(['project', 'answered_at']).execute();
    },
  },
  '2026-11-30-008-customer-balance': {
    async up(db: Kysely<any>): Promise<void> {
      // The digest's evidence rate and benefit balance read each lint's evidence count and benefit kind.
      await db.schema.alterTable('report_history').addColumn('evidence_count', 'integer').execute();
      await db.schema.alterTable('report_history').addColumn('benefit_kind', 'text').execute();
    },
  },
  '2026-11-30-009-journey-and-epics': {
    async up(db: Kysely<any>): Promise<void> {
      // The digest's journey coverage reads each lint's stage; its epic lines read which epic a story belongs to.
      await db.schema.alterTable('report_history').addColumn('journey_stage', 'text').execute();
      await db.schema.alterTable('report_history').addColumn('epic_key', 'text').execute();
    },
  },
  '2026-12-01-010-scale-indexes': {
    async up(db: Kysely<any>): Promise<void> {
      // A million stored reports (issue 19): App Home and /centric mine read a person's tickets by
      // reporter and by assignee (two indexed reads, not a scan of every report); the team's weekly
      // average and the nightly retention read history by time alone.
      await db.schema.createIndex('reports_reporter').on('reports').column('reporter_account_id').execute();
      await db.schema.createIndex('reports_assignee').on('reports').column('assignee_account_id').execute();
      await db.schema.createIndex('report_history_time').on('report_history').column('linted_at').execute();
      // Nudges: "already sent these findings to this person?" and the newest per person and ticket
      // (retention keeps it); the queue by status; the nudges one DM carries, when a ticket is fixed.
      await db.schema.createIndex('nudges_pair').on('nudges').columns(['slack_user_id', 'ticket_key', 'id']).execute();
      await db.schema.createIndex('nudges_status').on('nudges').columns(['status', 'sent_at']).execute();
      await db.schema.createIndex('nudges_message').on('nudges').columns(['message_ts', 'channel']).execute();
      // Outcome reviews waiting for one person's answer (App Home).
      await db.schema.createIndex('outcome_reviews_asked').on('outcome_reviews').columns(['asked_of', 'status']).execute();
    },
  },
};

/**
 * On Postgres the migration tables are pinned to the connection's current schema: Kysely's
 * existence check does not filter by schema, so another app's (or test's) lock table in a
 * neighbouring schema would otherwise pass for ours.
 */
async function migrator(db: Kysely<any>): Promise<Migrator> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const schema = sqlite ? undefined : (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema;
  return new Migrator({ db, provider: new CodeMigrations(), ...(schema ? { migrationTableSchema: schema } : {}) });
}

class CodeMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

/**
 * Brings the schema up to date, once even when two replicas start at the same moment. On Postgres
 * Kysely's migrator takes a lock row first. On SQLite its lock is a no-op and transactions begin
 * deferred, so two processes can both start the same migration: each runs in a transaction, the
 * loser's rolls back, and it finds the work done when it looks again.
 */
export async function migrate(db: Kysely<any>, attempts = 5): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await (await migrator(db)).migrateToLatest();
    if (!error) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    if (await isMigrated(db).catch(() => false)) return [];
    if (attempt >= attempts) throw error instanceof Error ? error : new Error(String(error));
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
  }
}

/**
 * Postgres's invalid_schema_name. Kysely's migrator looks for its table by reading every schema of
 * the database (has_schema_privilege by name): a schema another client drops meanwhile (another
 * app's, a parallel test suite's) fails that read, though ours is there. Reading again is right.
 */
const OTHER_SCHEMA_GONE = '3F000';

/** True when every migration has run. */
export async function isMigrated(db: Kysely<any>, attempts = 3): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      const pending = (await (await migrator(db)).getMigrations()).filter((m) => !m.executedAt);
      return pending.length === 0;
    } catch (err) {
      if ((err as { code?: string }).code !== OTHER_SCHEMA_GONE || attempt >= attempts) throw err;
    }
  }
}

export { sql };

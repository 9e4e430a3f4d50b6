import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadJiraEnv } from '../../src/config/env.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import type { NudgeItem } from '../../src/flows/ports.js';
import { ticketChanged, ticketEventReceived, type TicketChangedDeps } from '../../src/flows/ticket-changed.js';
import { JiraClient } from '../../src/jira/client.js';
import { Metrics } from '../../src/runtime/metrics.js';
import { markNudgesSent, queuedNudges } from '../../src/store/nudges.js';
import { failingReportsOf, latestReport } from '../../src/store/reports.js';
import { saveLink } from '../../src/store/user-links.js';
import { good, GOOD_AC, GOOD_DESIGN, GOOD_EVIDENCE, GOOD_METRIC, GOOD_STORY } from '../helpers/issues.js';
import { BOT_ACCOUNT, JiraFake, isolateNetwork, resetNetwork } from '../helpers/jira-fake.js';
import { capturedLogger } from '../helpers/quiet.js';
import { BACKENDS, storePerTest } from '../helpers/stores.js';

let jira: JiraFake;
beforeEach(() => {
  isolateNetwork();
  jira = new JiraFake(3);
  jira.install();
});
afterEach(() => resetNetwork());

const FAILING = 'As a user, I want to save my basket.';
const PASSING = good(GOOD_STORY, GOOD_AC, GOOD_METRIC, GOOD_DESIGN);
const ticket = (description: string, labels: string[] = []) => ({
  key: 'SHOP-1',
  fields: { summary: 'Save basket', description, issuetype: { name: 'Story' }, project: { key: 'SHOP' }, labels, attachment: [], reporter: { accountId: 'acc-priya' } },
});

describe.each(BACKENDS)('the "ticket changed" flow on $name', (backend) => {
  const store = storePerTest(backend);

  /** The flow over the Jira fake, recording DM updates and dispatch requests. */
  async function setup() {
    const logger = capturedLogger().logger;
    const env = loadJiraEnv({ JIRA_BASE_URL: 'https://acme.atlassian.net', JIRA_EMAIL: 'c@acme.io', JIRA_API_TOKEN: 't' });
    const updates: Array<{ ts: string; items: NudgeItem[]; userId?: string }> = [];
    let soon = 0;
    const deps: TicketChangedDeps = {
      store: store(),
      config: DEFAULT_CONFIG,
      metrics: new Metrics(),
      clock: () => 1_000,
      jira: new JiraClient({ env, settings: DEFAULT_CONFIG.jira, metrics: new Metrics(), logger, sleep: async () => undefined }),
      logger,
      dm: { postNudge: async () => ({ channel: 'D1', ts: '1.1' }), updateNudge: async (_channel, ts, items, userId) => void updates.push({ ts, items, userId }) },
      nudgeSoon: () => void soon++,
    };
    await saveLink(store(), { slackUserId: 'U1', jiraAccountId: 'acc-priya', by: 'email' }, 0);
    return { deps, updates, soon: () => soon };
  }

  it('a Jira edit: stored, commented, labelled and nudged about; the same change again writes nothing and nudges nobody twice', async () => {
    const t = await setup();
    jira.put(ticket(FAILING));
    const first = await ticketEventReceived(t.deps, 'SHOP-1', { userAccountId: 'acc-priya' });
    expect(first).toMatchObject({ status: 'linted', comment: 'created', labels: { added: ['centric:needs-work'], removed: [] }, queued: 1 });
    expect((await latestReport(store(), 'SHOP-1'))?.score).toBe(first!.report!.score);
    expect(t.soon()).toBe(1);
    const writes = jira.writes().length;

    const again = await ticketEventReceived(t.deps, 'SHOP-1', { userAccountId: 'acc-priya' });
    expect(again).toMatchObject({ status: 'linted', comment: 'unchanged', labels: { added: [], removed: [] }, queued: 0 });
    expect(jira.writes()).toHaveLength(writes);
    expect(await queuedNudges(store())).toHaveLength(1);
    expect(t.soon()).toBe(1);
  });

  it('a ticket that passes with warnings gets a comment of suggestions but no label and no nudge; both thresholds are settings', async () => {
    const t = await setup();
    const WARNINGS_ONLY = good(GOOD_STORY, GOOD_AC, GOOD_METRIC, GOOD_EVIDENCE); // no design: visual-evidence warns
    jira.put(ticket(WARNINGS_ONLY));
    const outcome = await ticketEventReceived(t.deps, 'SHOP-1', { userAccountId: 'acc-priya' });
    expect(outcome).toMatchObject({ status: 'linted', comment: 'created', labels: { added: [], removed: [] }, queued: 0 });
    const body = JSON.stringify(jira.writes().find((c) => c.method === 'POST')?.body);
    expect(body).toContain(`"Centric: ${outcome!.report!.score}/100, passes, 1 suggestion"`);

    jira.put({ ...ticket(WARNINGS_ONLY), key: 'SHOP-2' });
    t.deps.config = { ...DEFAULT_CONFIG, jira: { ...DEFAULT_CONFIG.jira, commentWhen: 'failing' }, nudges: { ...DEFAULT_CONFIG.nudges, when: 'any-finding' } };
    const strict = await ticketEventReceived(t.deps, 'SHOP-2', { userAccountId: 'acc-priya' });
    expect(strict).toMatchObject({ status: 'linted', comment: 'none', labels: { added: [], removed: [] }, queued: 1 });
  });

  it('a comment of suggestions goes when the settings say so, though the ticket did not change', async () => {
    const t = await setup();
    jira.put(ticket(good(GOOD_STORY, GOOD_AC, GOOD_METRIC)));
    expect(await ticketEventReceived(t.deps, 'SHOP-1', { userAccountId: 'acc-priya' })).toMatchObject({ comment: 'created' });
    t.deps.config = { ...DEFAULT_CONFIG, jira: { ...DEFAULT_CONFIG.jira, commentWhen: 'failing', onPass: 'remove' } };
    expect(await ticketEventReceived(t.deps, 'SHOP-1', { userAccountId: 'acc-priya' })).toMatchObject({ comment: 'removed' });
    expect(jira.comments.get('SHOP-1')).toEqual([]);
  });

  it("ignores the bot's own edits", async () => {
    const t = await setup();
    jira.put(ticket(FAILING));
    expect(await ticketEventReceived(t.deps, 'SHOP-1', { userAccountId: BOT_ACCOUNT })).toBeNull();
    expect(jira.calls.filter((c) => c.path.includes('SHOP-1'))).toEqual([]);
  });

  it('/centric check, Fix it (clear): the comment and label are brought in line, but nobody is nudged about a failing ticket', async () => {
    const t = await setup();
    jira.put(ticket(FAILING));
    const outcome = await ticketChanged(t.deps, { key: 'SHOP-1' }, { nudges: 'clear' });
    expect(outcome).toMatchObject({ status: 'linted', comment: 'created', labels: { added: ['centric:needs-work'] }, queued: 0 });
    expect(await queuedNudges(store())).toEqual([]);
  });

  it('a ticket fixed: its DM says "fixed, thank you" (queue and clear), but not when nudging is off (audit)', async () => {
    const t = await setup();
    jira.put(ticket(FAILING));
    await ticketChanged(t.deps, { key: 'SHOP-1' }, { nudges: 'queue' });
    const [nudge] = await queuedNudges(store());
    await markNudgesSent(store(), [nudge!.id], { channel: 'D1', ts: '1.1' }, 1_000);
    jira.put(ticket(PASSING, ['centric:needs-work']));

    const audited = await ticketChanged(t.deps, { key: 'SHOP-1' }, { nudges: 'off' });
    expect(audited).toMatchObject({ status: 'linted', comment: 'updated', labels: { removed: ['centric:needs-work'] } });
    expect(t.updates).toEqual([]);

    await ticketChanged(t.deps, { key: 'SHOP-1' }, { nudges: 'clear' });
    // Named with the person it is to: the update speaks their language even after a restart.
    expect(t.updates).toEqual([{ ts: '1.1', items: [expect.objectContaining({ key: 'SHOP-1', fixed: true })], userId: 'U1' }]);
  });

  it('an exempt ticket is linted for whoever asked, but neither stored nor written; its last report is forgotten and its nudges are cleared', async () => {
    const t = await setup();
    jira.put(ticket(FAILING));
    await ticketChanged(t.deps, { key: 'SHOP-1' }, { nudges: 'queue' });
    const [nudge] = await queuedNudges(store());
    await markNudgesSent(store(), [nudge!.id], { channel: 'D1', ts: '1.1' }, 1_000);
    expect((await failingReportsOf(store(), 'acc-priya', 40)).map((r) => r.key)).toEqual(['SHOP-1']);
    jira.put(ticket('Nothing here.', ['centric:exempt']));
    const writes = jira.writes().length;

    const outcome = await ticketChanged(t.deps, { key: 'SHOP-1' }, { nudges: 'clear' });
    expect(outcome).toMatchObject({ status: 'exempt', comment: 'none', report: { key: 'SHOP-1', score: 0 } });
    expect(jira.writes()).toHaveLength(writes);
    // Its failing report no longer lists it in App Home or /centric mine.
    expect(await latestReport(store(), 'SHOP-1')).toBeUndefined();
    expect(await failingReportsOf(store(), 'acc-priya', 40)).toEqual([]);
    expect(t.updates.map((u) => u.items.map((i) => i.fixed))).toEqual([[true]]);
  });

  it('a ticket that is gone, or not a story, is neither commented on nor nudged about', async () => {
    const t = await setup();
    expect(await ticketChanged(t.deps, { key: 'SHOP-404' }, { nudges: 'queue' })).toMatchObject({ key: 'SHOP-404', status: 'gone', queued: 0 });
    jira.put({ ...ticket(FAILING), fields: { ...ticket(FAILING).fields, issuetype: { name: 'Bug' } } });
    expect(await ticketChanged(t.deps, { key: 'SHOP-1' }, { nudges: 'queue' })).toMatchObject({ status: 'skipped', report: { skipped: true }, ticket: { issueType: 'Bug' } });
    expect(jira.writes()).toEqual([]);
    expect(await queuedNudges(store())).toEqual([]);
  });
});

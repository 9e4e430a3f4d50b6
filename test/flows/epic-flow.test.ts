import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadJiraEnv } from '../../src/config/env.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { renderDigestMarkdown } from '../../src/core/render/digest-markdown.js';
import { scopeDigest } from '../../src/flows/post-digest.js';
import { ticketChanged, type TicketChangedDeps } from '../../src/flows/ticket-changed.js';
import { JiraClient } from '../../src/jira/client.js';
import { Metrics } from '../../src/runtime/metrics.js';
import { JiraFake, isolateNetwork, resetNetwork } from '../helpers/jira-fake.js';
import { capturedLogger } from '../helpers/quiet.js';
import { BACKENDS, storePerTest } from '../helpers/stores.js';

let jira: JiraFake;
beforeEach(() => {
  isolateNetwork();
  jira = new JiraFake(3);
  jira.install();
});
afterEach(() => resetNetwork());

const WEEK = 7 * 86_400_000;
const NOW = Date.parse('2026-11-20T10:00:00Z');

const EPIC_TEXT = 'Customer: night nurse\nProblem: re-ordering takes 40 minutes\nBenefit: they get home on time\nSuccess: checkout conversion from 2.1% to 2.6% within 6 weeks';
const issue = (key: string, type: string, description: string, parent?: string) => ({
  key,
  fields: {
    summary: 'Reorder',
    description,
    issuetype: { name: type },
    project: { key: 'SHOP' },
    labels: [],
    attachment: [],
    ...(parent ? { parent: { key: parent, fields: { issuetype: { name: 'Epic' } } } } : {}),
  },
});

describe.each(BACKENDS)('epics in the bot on $name', (backend) => {
  const store = storePerTest(backend);

  function deps(): TicketChangedDeps {
    const logger = capturedLogger().logger;
    const env = loadJiraEnv({ JIRA_BASE_URL: 'https://acme.atlassian.net', JIRA_EMAIL: 'c@acme.io', JIRA_API_TOKEN: 't' });
    return {
      store: store(),
      config: DEFAULT_CONFIG,
      metrics: new Metrics(),
      clock: () => NOW,
      jira: new JiraClient({ env, settings: DEFAULT_CONFIG.jira, metrics: new Metrics(), logger, sleep: async () => undefined }),
      logger,
    };
  }
  const check = (key: string) => ticketChanged(deps(), { key }, { nudges: 'off', write: false });

  it('hands a story its epic\'s stored persona and metric, writes its epic into the history, and the digest lists the epic', async () => {
    jira.put(issue('SHOP-1', 'Epic', `${EPIC_TEXT}\nExperience: https://www.figma.com/file/abc`));
    jira.put(issue('SHOP-2', 'Story', 'As a user, I want to repeat last week\'s order, so that I get home on time.', 'SHOP-1'));
    jira.put(issue('SHOP-3', 'Story', 'As a night nurse, I want to repeat last week\'s order, so that I get home on time.', 'SHOP-1'));

    // Before the epic is linted, the story's hints know nothing of it.
    const early = await check('SHOP-2');
    expect(early.report?.findings?.find((f) => f.rule === 'specific-persona')?.hint).not.toContain('The epic');

    const epic = await check('SHOP-1');
    expect(epic).toMatchObject({ status: 'linted', report: { score: 100, findings: [], epic: { persona: 'night nurse', metric: 'checkout conversion', missing: [], prfaq: null } } });

    const story = await check('SHOP-2');
    const hints = Object.fromEntries((story.report?.findings ?? []).map((f) => [f.rule, f.hint]));
    expect(hints['specific-persona']).toMatch(/ The epic SHOP-1's persona is "night nurse": is this story for them\?$/);
    expect(hints['customer-metric']).toMatch(/ The epic SHOP-1 is measured by "checkout conversion": does this story move it\?$/);
    await check('SHOP-3');

    const rows = await store().db.selectFrom('report_history').select(['ticket_key', 'epic_key']).orderBy('id').execute();
    expect(rows).toEqual([
      { ticket_key: 'SHOP-2', epic_key: 'SHOP-1' },
      { ticket_key: 'SHOP-1', epic_key: null },
      { ticket_key: 'SHOP-2', epic_key: 'SHOP-1' },
      { ticket_key: 'SHOP-3', epic_key: 'SHOP-1' },
    ]);

    const digest = await scopeDigest({ store: store(), config: DEFAULT_CONFIG }, { type: 'project', value: 'SHOP' }, NOW + 1);
    const scores = [story.report!.score!, (await check('SHOP-3')).report!.score!];
    expect(digest.epics).toEqual([{ key: 'SHOP-1', stories: 2, averageScore: Math.round((scores[0]! + scores[1]!) / 2), persona: 'night nurse', forPersona: 1 }]);
    // The epic's own lint is not a story's: two tickets this period, not three.
    expect(digest.period.tickets).toBe(2);
    expect(renderDigestMarkdown(digest, 'SHOP')).toContain(`**Epics**\n- SHOP-1: 2 stories, average ${digest.epics![0]!.averageScore}, 1 of 2 for "night nurse"\n`);
  });

  it('leaves the epic line out when the scope has no epic', async () => {
    jira.put(issue('SHOP-2', 'Story', 'As a user, I want to repeat last week\'s order.'));
    await check('SHOP-2');
    const digest = await scopeDigest({ store: store(), config: DEFAULT_CONFIG }, { type: 'project', value: 'SHOP' }, NOW + 1, WEEK);
    expect(digest.epics).toBeUndefined();
    expect(renderDigestMarkdown(digest, 'SHOP')).not.toContain('Epics');
  });
});

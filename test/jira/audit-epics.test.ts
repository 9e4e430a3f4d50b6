import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { JIRA, JiraFake, isolateNetwork, resetNetwork } from '../helpers/jira-fake.js';

const ENV = { JIRA_BASE_URL: JIRA, JIRA_EMAIL: 'centric@acme.io', JIRA_API_TOKEN: 'ATATT-audit-secret' };
const adf = (...lines: string[]) => ({ type: 'doc', version: 1, content: lines.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

let jira: JiraFake;
beforeEach(() => {
  isolateNetwork();
  jira = new JiraFake(3);
  jira.install();
  const base = { project: { key: 'SHOP' }, labels: [], attachment: [] };
  jira.put({ key: 'SHOP-1', fields: { ...base, summary: 'Faster re-ordering', issuetype: { name: 'Epic' }, description: adf('Customer: night nurse', 'Problem: re-ordering takes 40 minutes') } } as never);
  jira.put({ key: 'SHOP-2', fields: { ...base, summary: 'Repeat order', issuetype: { name: 'Story' }, parent: { key: 'SHOP-1', fields: { issuetype: { name: 'Epic' } } }, description: adf('As a user, I want to repeat last week\'s order, so that I get home on time.') } } as never);
});
afterEach(() => resetNetwork());

describe('centric audit with epics', () => {
  it('lints an epic by its profile and hands its persona to a story read after it', async () => {
    const run = await runCli(['audit', '--project', 'SHOP', '--format', 'json'], '', ENV);
    const { reports } = JSON.parse(run.stdout);
    expect(reports[0]).toMatchObject({
      key: 'SHOP-1',
      skipped: false,
      // 2 of the 5 questions answered.
      score: 40,
      epic: { persona: 'night nurse', metric: null, missing: ['benefit', 'metric', 'experience'], prfaq: null },
      findings: [{ rule: 'working-backwards', severity: 'error', message: 'The epic does not answer 3 of the 5 customer questions: the most important benefit, how we will know, what the experience looks like.' }],
    });
    const hint = reports[1].findings.find((f: { rule: string }) => f.rule === 'specific-persona').hint;
    expect(hint).toMatch(/ The epic SHOP-1's persona is "night nurse": is this story for them\?$/);
  });
});

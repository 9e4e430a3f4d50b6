import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const epic = {
  key: 'SHOP-1',
  fields: {
    summary: 'Faster re-ordering',
    issuetype: { name: 'Epic' },
    description: 'Customer: night nurse\nProblem: re-ordering takes 40 minutes\nBenefit: they get home on time\nPR/FAQ: https://acme.atlassian.net/wiki/spaces/SHOP/pages/1/Reorder',
  },
};
const story = {
  key: 'SHOP-2',
  fields: {
    summary: 'Repeat last order',
    issuetype: { name: 'Story' },
    parent: { key: 'SHOP-1', fields: { issuetype: { name: 'Epic' } } },
    description: 'As a user, I want to repeat last week\'s order, so that I get home on time.',
  },
};
const input = JSON.stringify([story, epic]);

describe('centric lint with epics', () => {
  it('reports an epic by its profile and hands its persona to its story\'s hint (json)', async () => {
    const run = await runCli(['lint', '--format', 'json'], input);
    const { reports } = JSON.parse(run.stdout);
    expect(reports.map((r: { key: string }) => r.key)).toEqual(['SHOP-2', 'SHOP-1']);
    expect(reports[1]).toMatchObject({
      key: 'SHOP-1',
      skipped: false,
      score: 100,
      story: null,
      findings: [],
      epic: { persona: 'night nurse', metric: null, missing: [], prfaq: 'https://acme.atlassian.net/wiki/spaces/SHOP/pages/1/Reorder' },
    });
    const persona = reports[0].findings.find((f: { rule: string }) => f.rule === 'specific-persona');
    expect(persona.hint).toMatch(/ The epic SHOP-1's persona is "night nurse": is this story for them\?$/);
  });

  it('shows the epic\'s answers in text and markdown', async () => {
    const text = await runCli(['lint'], input, { NO_COLOR: '1' });
    expect(text.stdout).toMatch(/^SHOP-1 {2}100\/100 {2}passes\n(?: {2}journey .*\n)? {2}epic {2}customer "night nurse", PR\/FAQ https:\/\/acme\.atlassian\.net\/wiki\/spaces\/SHOP\/pages\/1\/Reorder\n/m);
    const markdown = await runCli(['lint', '--format', 'markdown'], input);
    expect(markdown.stdout).toContain('Epic: customer "night nurse", PR/FAQ https://acme.atlassian.net/wiki/spaces/SHOP/pages/1/Reorder\n');
    const failing = await runCli(['lint'], JSON.stringify([{ key: 'SHOP-3', fields: { summary: 'Reorder', issuetype: { name: 'Epic' }, description: 'Make it faster.' } }]), { NO_COLOR: '1' });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('  error  working-backwards  The epic does not answer 5 of the 5 customer questions: who the customer is, what problem or opportunity, the most important benefit, how we will know, what the experience looks like.\n');
  });
});

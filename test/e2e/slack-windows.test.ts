import { afterEach, describe, expect, it } from 'vitest';
import { PEOPLE } from '../../src/demo/backlog.js';
import { eventually, startE2E, type E2E } from '../helpers/e2e.js';

let e: E2E | undefined;
afterEach(async () => {
  await e?.stop();
  e = undefined;
});

const priya = { id: PEOPLE.priya.slack, name: 'priya' };
const JIRA_ANSWERS_IN_MS = 4_000;

/** Jira answers every read of the ticket 4 s late: slower than any of Slack's windows. */
function slowJira(x: E2E, key: string): void {
  x.jira.on('GET', `/rest/api/3/issue/${key}`, async () => {
    await new Promise((r) => setTimeout(r, JIRA_ANSWERS_IN_MS));
    return undefined; // then the stand-in's own answer
  });
}

async function nudged(x: E2E) {
  expect(await x.send.command('link', priya.id, 'D0PRIYA')).toMatch(/^Linked/);
  expect((await x.send.webhook({ webhookEvent: 'jira:issue_created', timestamp: Date.now(), user: { accountId: PEOPLE.priya.jira }, issue: { key: 'SHOP-2' } }, 'w-2')).status).toBe(202);
  await x.drained();
  return eventually('the nudge', () => x.slack.conversation(priya.id)[0]);
}

describe("Slack's 3-second windows with a Jira that answers in 4 s", () => {
  it('Fix it opens the modal at once, fills it when Jira answers, acknowledges the submission at once and writes the fix', async () => {
    e = await startE2E();
    const dm = await nudged(e);
    slowJira(e, 'SHOP-2');

    const pressed = await e.send.press({ user: priya, actionId: 'fix_ticket', value: 'SHOP-2', container: { type: 'message', channel_id: dm.channel, message_ts: dm.ts } });
    expect(pressed.status).toBe(200);
    expect(pressed.ms).toBeLessThan(1_000);
    const opened = await eventually('the modal', () => e!.slack.views.find((v) => v.method === 'views.open'), 1_000);
    expect(opened.view.blocks.map((b: any) => b.text?.text)).toEqual(['Reading SHOP-2 from Jira…']);
    const form = await eventually('the pre-filled form', () => e!.slack.views.find((v) => v.method === 'views.update' && v.id === opened.id), 10_000);
    expect(form.view.submit).toEqual({ type: 'plain_text', text: 'Update ticket' });

    const dms = e.slack.conversation(priya.id).length;
    const submitted = await e.send.submit(opened.id, { role: 'first-time shopper on mobile', goal: 'filter products by size', benefit: 'I only see shoes I can buy', metric: 'Filter-to-basket rate from 8% to 12% within 4 weeks', visuals: 'https://www.figma.com/file/f1l/Filters' }, priya);
    expect(submitted).toMatchObject({ status: 200, body: '' });
    expect(submitted.ms).toBeLessThan(1_000);
    const told = await eventually('the outcome DM', () => e!.slack.conversation(priya.id)[dms], 15_000);
    expect(told.text).toBe('Updated SHOP-2 from Slack: it now scores 100/100.');
    expect(e.jira.calls('/rest/api/3/issue/SHOP-2', 'PUT').filter((r) => r.body.includes('"description"')).map((r) => r.status)).toEqual([204]);
    expect(e.slack.requests.filter((r) => (r.answer as { ok?: boolean })?.ok === false)).toEqual([]);
  }, 30_000);

  it('shows errors in the modal without asking Jira, so a slow Jira cannot make Slack drop them', async () => {
    e = await startE2E();
    const dm = await nudged(e);
    await e.send.press({ user: priya, actionId: 'fix_ticket', value: 'SHOP-2', container: { type: 'message', channel_id: dm.channel, message_ts: dm.ts } });
    const opened = await eventually('the modal', () => e!.slack.views.find((v) => v.method === 'views.open'));
    await eventually('the pre-filled form', () => e!.slack.views.find((v) => v.method === 'views.update' && v.id === opened.id));
    slowJira(e, 'SHOP-2');
    const reads = e.jira.calls('/rest/api/3/issue/SHOP-2', 'GET').length;

    const submitted = await e.send.submit(opened.id, { role: 'user', goal: 'filter products by size', benefit: 'I only see shoes I can buy', metric: '', visuals: 'http://www.figma.com/file/f1l' }, priya);
    expect(submitted.status).toBe(200);
    expect(submitted.ms).toBeLessThan(1_000);
    expect(JSON.parse(submitted.body)).toMatchObject({ response_action: 'errors', errors: { role: expect.stringContaining('generic'), metric: expect.any(String), visuals: 'Use an https:// link to the design or recording (Figma, Miro, Loom…), without spaces.' } });
    expect(e.jira.calls('/rest/api/3/issue/SHOP-2', 'GET')).toHaveLength(reads);
  });
});

describe('Fix it from App Home (no response_url)', () => {
  it('says in the modal that the ticket is gone (without telling gone from not theirs to edit)', async () => {
    e = await startE2E();
    expect(await e.send.command('link', priya.id, 'D0PRIYA')).toMatch(/^Linked/);
    const pressed = await e.send.press({ user: priya, actionId: 'fix_ticket', value: 'SHOP-404', container: { type: 'view', view_id: 'VHOME' } });
    expect(pressed.status).toBe(200);
    const opened = await eventually('the modal', () => e!.slack.views.find((v) => v.method === 'views.open'));
    const notice = await eventually('the notice', () => e!.slack.views.find((v) => v.method === 'views.update' && v.id === opened.id));
    expect(notice.view.blocks.map((b: any) => b.text?.text)).toEqual(['Your Jira account may not browse SHOP-404 (or it does not exist), so Centric will not show it for you either.']);
    expect(notice.view.submit).toBeUndefined();
  });

  it('tells the person by DM when Slack refuses to open the modal', async () => {
    e = await startE2E();
    e.slack.triggerLifetimeMs = -1; // every trigger_id has expired by the time it is used
    await e.send.press({ user: priya, actionId: 'fix_ticket', value: 'SHOP-2', container: { type: 'view', view_id: 'VHOME' } });
    const told = await eventually('the DM', () => e!.slack.conversation(priya.id)[0]);
    expect(told.text).toBe('Sorry, Slack did not let me open SHOP-2 to fix it. Press Fix it again.');
    expect(e.slack.calls('/api/views.open').map((r) => (r.answer as { error?: string }).error)).toEqual(['expired_trigger_id']);
    expect(e.slack.requests.filter((r) => r.path.startsWith('/respond/'))).toEqual([]);
  });
});

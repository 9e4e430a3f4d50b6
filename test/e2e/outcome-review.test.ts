import { afterEach, describe, expect, it } from 'vitest';
import { PEOPLE } from '../../src/demo/backlog.js';
import { adfText } from '../../src/demo/stand-ins/jira-cloud.js';
import { eventually, startE2E, type E2E } from '../helpers/e2e.js';

let e: E2E | undefined;
afterEach(async () => {
  await e?.stop();
  e = undefined;
});

const marek = PEOPLE.marek;
const DAY = 86_400_000;
const created = (key: string) => ({ webhookEvent: 'jira:issue_created', timestamp: Date.now(), user: { accountId: marek.jira }, issue: { key } });

/** Moves a ticket in the Jira stand-in and sends the webhook Jira sends for it (the issue's fields and the changelog). */
async function move(x: E2E, key: string, to: { name: string; category: 'new' | 'indeterminate' | 'done' }, delivery: string): Promise<number> {
  const issue = x.jira.issues.get(key)!;
  const from = issue.fields.status?.name ?? 'To Do';
  issue.fields.status = { name: to.name, statusCategory: { key: to.category } };
  const body = { webhookEvent: 'jira:issue_updated', timestamp: Date.now(), user: { accountId: marek.jira }, issue: { key, fields: { status: issue.fields.status } }, changelog: { items: [{ field: 'status', fieldId: 'status', fromString: from, toString: to.name }] } };
  const res = await x.send.webhook(body, delivery);
  await x.drained();
  return res.status;
}

const DONE = { name: 'Done', category: 'done' } as const;
const reviews = (x: E2E) => x.bot.store.db.selectFrom('outcome_reviews').select(['ticket_key', 'status', 'due_at', 'shipped_at', 'too_early', 'outcome', 'measured', 'note', 'answered_by', 'jira_comment_id']).execute();
const buttonsOf = (blocks: Array<Record<string, any>>) => blocks.flatMap((b) => b.elements ?? []).filter((el: any) => el.type === 'button').map((el: any) => el.action_id);

async function linkedAndLinted(x: E2E): Promise<void> {
  expect(await x.send.command('link', marek.slack, 'D0MAREK')).toContain('Linked');
  expect((await x.send.webhook(created('SHOP-1'), 'c-1')).status).toBe(202);
  await x.drained();
}

describe('outcome reviews end to end, with a controllable clock', () => {
  it('done -> review scheduled once -> DM at the end of the timeframe -> Too early -> asked again -> Target hit with a value -> Jira comment, label and property', async () => {
    e = await startE2E();
    await linkedAndLinted(e);

    expect(await move(e, 'SHOP-1', DONE, 'done-1')).toBe(202);
    const [scheduled] = await reviews(e);
    // "Checkout completion on mobile from 41% to 46% within 6 weeks": asked 6 weeks after it shipped.
    expect(scheduled).toMatchObject({ ticket_key: 'SHOP-1', status: 'scheduled', too_early: 0 });
    expect(scheduled!.due_at - scheduled!.shipped_at).toBe(42 * DAY);

    // A redelivered "done" (a new delivery of the same move) schedules nothing new.
    expect(await move(e, 'SHOP-1', DONE, 'done-1-again')).toBe(202);
    expect(await reviews(e)).toEqual([scheduled]);
    expect(await e.bot.dispatchOutcomes()).toMatchObject({ asked: 0 });
    expect(e.slack.conversation(marek.slack).filter((m) => m.text.includes('Did it happen?'))).toEqual([]);

    e.clock.offset = 42 * DAY + 60_000;
    expect(await e.bot.dispatchOutcomes()).toMatchObject({ asked: 1 });
    expect(await e.bot.dispatchOutcomes()).toMatchObject({ asked: 0 });
    const asked = e.slack.conversation(marek.slack).filter((m) => m.text.includes('Did it happen?'));
    expect(asked).toHaveLength(1);
    expect(asked[0]!.text).toBe('SHOP-1 shipped promising checkout completion from 41% to 46% within 6 weeks. Did it happen?');
    expect(buttonsOf(asked[0]!.blocks)).toEqual(['outcome_hit', 'outcome_missed', 'outcome_too_early', 'outcome_not_measured']);

    const tooEarly = await e.send.press({ user: { id: marek.slack, name: 'marek' }, actionId: 'outcome_too_early', value: String(1), container: { type: 'message', channel_id: asked[0]!.channel, message_ts: asked[0]!.ts } });
    expect(tooEarly.status).toBe(200);
    await eventually('the question put off', async () => (await reviews(e!))[0]!.status === 'scheduled');
    expect((await reviews(e))[0]).toMatchObject({ status: 'scheduled', too_early: 1 });
    const putOff = await eventually('the DM updated', () => e!.slack.conversation(marek.slack).find((m) => m.ts === asked[0]!.ts && m.history.length === 1));
    expect(putOff.blocks[0]!.text.text).toMatch(/too early to tell\. Centric asks again on <!date\^\d+\^\{date_short\}\|\d{4}-\d{2}-\d{2}>\.$/);

    e.clock.offset += 14 * DAY + 60_000;
    expect(await e.bot.dispatchOutcomes()).toMatchObject({ asked: 1 });
    const again = e.slack.conversation(marek.slack).filter((m) => m.text.includes('Did it happen?') && m.ts !== asked[0]!.ts);
    expect(again).toHaveLength(1);

    const hit = await e.send.press({ user: { id: marek.slack, name: 'marek' }, actionId: 'outcome_hit', value: '1', container: { type: 'message', channel_id: again[0]!.channel, message_ts: again[0]!.ts } });
    expect(hit.status).toBe(200);
    const opened = await eventually('the loading modal', () => e!.slack.views.find((v) => v.method === 'views.open'));
    const modal = await eventually('the outcome modal', () => e!.slack.views.find((v) => v.method === 'views.update' && v.id === opened.id));
    expect(modal.view.callback_id).toBe('outcome_modal');
    expect(modal.view.blocks.filter((b: any) => b.type === 'input').map((b: any) => b.block_id)).toEqual(['measured', 'note']);
    const submitted = await e.send.submit(opened.id, { measured: '47.2%', note: 'Mostly returning iOS *customers*' }, { id: marek.slack, name: 'Marek Nowak' });
    expect(submitted).toMatchObject({ status: 200, body: '' });
    await eventually('the answer recorded', async () => (await reviews(e!))[0]!.status === 'answered');
    await e.drained();

    const [answered] = await reviews(e);
    expect(answered).toMatchObject({ status: 'answered', outcome: 'hit', measured: '47.2%', note: 'Mostly returning iOS *customers*', answered_by: marek.slack });
    const outcomeComment = e.jira.comments.get('SHOP-1')!.find((c) => adfText(c.body).startsWith('Outcome:'))!;
    expect(outcomeComment.properties ?? []).toEqual([]);
    expect(outcomeComment.body).toEqual({
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Outcome: ', marks: [{ type: 'strong' }] },
            { type: 'text', text: expect.stringMatching(/^target hit — checkout completion 47\.2% \(reported by Marek Nowak from Slack, \d{1,2} [A-Z][a-z]{2}\)$/) },
          ],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'Note: ', marks: [{ type: 'em' }] }, { type: 'text', text: 'Mostly returning iOS *customers*' }] },
      ],
    });
    expect(answered!.jira_comment_id).toBe(outcomeComment.id);
    expect(e.jira.issues.get('SHOP-1')!.fields.labels).toContain('centric:outcome-hit');
    expect(e.jira.properties.get('SHOP-1')!.get('centric.outcome')).toMatchObject({
      version: 1,
      outcome: 'hit',
      measured: '47.2%',
      note: 'Mostly returning iOS *customers*',
      promise: { name: 'checkout completion', baseline: 41, target: 46, unit: '%', direction: 'up', timeframe: 'within 6 weeks' },
      answeredBy: { slackUserId: marek.slack, jiraAccountId: marek.jira },
    });
    const done = await eventually('the DM updated in place', () => e!.slack.conversation(marek.slack).find((m) => m.ts === again[0]!.ts && m.history.length === 1));
    expect(buttonsOf(done.blocks)).toEqual([]);
    expect(done.blocks[0]!.text.text).toMatch(/^:white_check_mark: <.+\|SHOP-1>: target hit — checkout completion 47\.2% \(answered by <@U0MAREK> on <!date/);

    // A second click (or a redelivered submission) records nothing and writes nothing.
    const writesOf = (x: E2E) => x.jira.requests.filter((r) => r.method !== 'GET' && !r.path.includes('/search') && !r.path.includes('/comment/list'));
    const writes = writesOf(e).length;
    await e.send.press({ user: { id: marek.slack, name: 'marek' }, actionId: 'outcome_not_measured', value: '1', container: { type: 'message', channel_id: again[0]!.channel, message_ts: again[0]!.ts } });
    const told = await eventually('the answer to the second click', () => e!.slack.responses.find((r) => r.text.includes('answered already')));
    expect(told.text).toBe('SHOP-1 was answered already: target hit. Nothing changed.');
    await e.drained();
    expect(writesOf(e)).toHaveLength(writes);
    expect((await reviews(e))[0]).toMatchObject({ outcome: 'hit' });
    expect(e.jira.requests.filter((r) => (r.status ?? 0) >= 400)).toEqual([]);
  });

  it('two replicas on one database ask once, however often both dispatch', async () => {
    e = await startE2E();
    await linkedAndLinted(e);
    await move(e, 'SHOP-1', DONE, 'done-1');
    const second = await e.replica();
    e.clock.offset = 42 * DAY + 60_000;
    const runs = await Promise.all([e.bot.dispatchOutcomes(), second.dispatchOutcomes(), e.bot.dispatchOutcomes(), second.dispatchOutcomes()]);
    expect(runs.reduce((n, r) => n + r.asked, 0)).toBe(1);
    expect(e.slack.conversation(marek.slack).filter((m) => m.text.includes('Did it happen?'))).toHaveLength(1);
    expect((await reviews(e))[0]).toMatchObject({ status: 'asked' });
  });

  it('reopening cancels the pending review; shipping again schedules it again; someone else may not answer', async () => {
    e = await startE2E();
    await linkedAndLinted(e);
    await move(e, 'SHOP-1', DONE, 'done-1');
    expect(await move(e, 'SHOP-1', { name: 'In Progress', category: 'indeterminate' }, 'reopened-1')).toBe(202);
    expect((await reviews(e))[0]).toMatchObject({ status: 'cancelled' });
    e.clock.offset = 43 * DAY;
    expect(await e.bot.dispatchOutcomes()).toMatchObject({ asked: 0 });

    await move(e, 'SHOP-1', DONE, 'done-2');
    expect((await reviews(e))[0]).toMatchObject({ status: 'scheduled' });
    e.clock.offset = 2 * 43 * DAY;
    expect(await e.bot.dispatchOutcomes()).toMatchObject({ asked: 1 });
    const [asked] = e.slack.conversation(marek.slack).filter((m) => m.text.includes('Did it happen?'));

    // Priya is not linked: Centric will not record an answer for her.
    await e.send.press({ user: { id: PEOPLE.priya.slack, name: 'priya' }, actionId: 'outcome_not_measured', value: '1', container: { type: 'message', channel_id: asked!.channel, message_ts: asked!.ts } });
    const refused = await eventually('the refusal', () => e!.slack.responses.find((r) => r.text.startsWith('Not recorded.')));
    expect(refused.text).toContain('Link your Jira account first');
    expect((await reviews(e))[0]).toMatchObject({ status: 'asked', outcome: null });
  });
});

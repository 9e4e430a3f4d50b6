import { afterEach, describe, expect, it } from 'vitest';
import { PEOPLE } from '../../src/demo/backlog.js';
import { adfProblems } from '../../src/demo/stand-ins/adf-schema.js';
import { adfText } from '../../src/demo/stand-ins/jira-cloud.js';
import { eventually, startE2E, type E2E } from '../helpers/e2e.js';

let e: E2E | undefined;
afterEach(async () => {
  await e?.stop();
  e = undefined;
});

const priya = { id: PEOPLE.priya.slack, name: 'priya' };
const text = (t: string, marks?: unknown[]) => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const para = (...content: unknown[]) => ({ type: 'paragraph', content });
const item = (...content: unknown[]) => ({ type: 'listItem', content });
const storyItem = item(para(text('As a user, I want to filter products by size.')));
const criteria = [
  item(para(text('Given the shoe category, when I pick size 42, then only shoes in 42 are listed'))),
  item(para(text('Given no shoe in 42, then I see '), text('No shoes in your size yet', [{ type: 'em' }]))),
];
const sizeChart = { type: 'panel', attrs: { panelType: 'info' }, content: [para(text('Size chart from the design review:')), { type: 'mediaSingle', attrs: { layout: 'center' }, content: [{ type: 'media', attrs: { type: 'file', id: 'size-chart', collection: 'jira-demo', alt: 'size-chart.png' } }] }] };
const DESCRIPTION = { type: 'doc', version: 1, content: [{ type: 'bulletList', content: [storyItem, ...criteria] }, sizeChart, para(text('Notes by '), { type: 'mention', attrs: { id: PEOPLE.priya.jira, text: '@Priya Nair' } }, text(' after the review.'))] };

describe('Fix it, end to end, keeps every node around the story', () => {
  it('rewrites a story inside a bullet list; the acceptance criteria beside it and the image in the panel stay exactly as they were', async () => {
    e = await startE2E();
    e.jira.put({ key: 'SHOP-7', fields: { summary: 'Filter by size', description: structuredClone(DESCRIPTION), issuetype: { name: 'Story' }, project: { key: 'SHOP' }, labels: [], attachment: [{ filename: 'size-chart.png', mimeType: 'image/png' }], reporter: { accountId: PEOPLE.priya.jira, displayName: PEOPLE.priya.name } } } as never);
    expect(await e.send.command('link', priya.id, 'D0PRIYA')).toMatch(/^Linked/);
    expect((await e.send.webhook({ webhookEvent: 'jira:issue_created', timestamp: Date.now(), user: { accountId: PEOPLE.priya.jira }, issue: { key: 'SHOP-7' } }, 'k-7')).status).toBe(202);
    await e.drained();
    const dm = await eventually('the nudge', () => e!.slack.conversation(priya.id)[0]);

    await e.send.press({ user: priya, actionId: 'fix_ticket', value: 'SHOP-7', container: { type: 'message', channel_id: dm.channel, message_ts: dm.ts } });
    const opened = await eventually('the modal', () => e!.slack.views.find((v) => v.method === 'views.open'));
    await eventually('the pre-filled form', () => e!.slack.views.find((v) => v.method === 'views.update' && v.id === opened.id && v.view.submit));
    const submitted = await e.send.submit(opened.id, { role: 'first-time shopper on mobile', goal: 'filter products by size', benefit: 'I only see shoes I can buy', metric: 'Filter-to-basket rate from 8% to 12% within 4 weeks', visuals: '' }, priya);
    expect(submitted).toMatchObject({ status: 200, body: '' });
    const told = await eventually('the outcome DM', () => e!.slack.conversation(priya.id)[1]);
    expect(told.text).toMatch(/^Updated SHOP-7 from Slack: it now scores \d+\/100\.$/);

    const written = e.jira.issues.get('SHOP-7')!.fields.description as typeof DESCRIPTION & { content: any[] };
    expect(adfProblems(written)).toEqual([]);
    // Only the story's text changed: put the old list item back and the document is what it was.
    expect(written.content[0].content[0]).toEqual(item(para(text('As a first-time shopper on mobile, I want to filter products by size, so that I only see shoes I can buy.'))));
    const restored = structuredClone(written);
    restored.content[0].content[0] = storyItem;
    // The success line had nowhere to go but a paragraph of its own, appended at the end.
    expect(restored.content.pop()).toEqual(para(text('Success: Filter-to-basket rate from 8% to 12% within 4 weeks')));
    expect(restored).toEqual(DESCRIPTION);
    expect(adfText(written)).toContain('[media size-chart]');
    expect(e.jira.ownComments('SHOP-7')).toHaveLength(1);
  });
});

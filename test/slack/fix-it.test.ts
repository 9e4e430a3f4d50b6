import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { limitProblems } from '../../src/slack/views/limits.js';
import { startTestBot, TEST_SECRETS, type TestBot } from '../helpers/bot.js';
import { adfProblems } from '../../src/demo/stand-ins/adf-schema.js';
import { doc, image, para, text } from '../helpers/issues.js';
import { JiraFake, isolateNetwork, resetNetwork } from '../helpers/jira-fake.js';
import { slackArgs } from '../helpers/stand-in.js';
import { snapshotOf } from '../helpers/slack-client.js';
import { parseConfig } from '../../src/config/load.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { lintIssue } from '../../src/core/lint.js';
import { storySentence } from '../../src/core/story/rewrite-story.js';
import { formOf, validateFix } from '../../src/flows/fix-ticket.js';

let jira: JiraFake;
let t: TestBot | undefined;
beforeEach(() => {
  isolateNetwork();
  jira = new JiraFake(3);
  jira.install();
});
afterEach(async () => {
  await t?.stop();
  t = undefined;
  resetNetwork();
});

async function post(payload: unknown): Promise<Response> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', TEST_SECRETS.SLACK_SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return fetch(`${t!.base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': signature }, body });
}

const submission = (values: Record<string, string>) => ({
  type: 'view_submission',
  user: { id: 'U1', name: 'priya' },
  team: { id: 'T1' },
  api_app_id: 'A1',
  token: 'x',
  trigger_id: '9.9',
  view: {
    id: 'V123',
    type: 'modal',
    callback_id: 'fix_ticket_modal',
    private_metadata: JSON.stringify({ key: 'SHOP-1', ticketHasMetric: false }),
    state: { values: Object.fromEntries(Object.entries(values).map(([block, value]) => [block, { value: { type: 'plain_text_input', value } }])) },
  },
});

/** U1 proved to be Jira account acc-priya: Fix it acts only for a linked person who may edit. */
const linkPriya = () => t!.bot.store.db.insertInto('user_links').values({ slack_user_id: 'U1', jira_account_id: 'acc-priya', linked_by: 'email', linked_at: 0 }).execute();

const MEDIA_GROUP = { type: 'mediaGroup', content: [{ type: 'media', attrs: { type: 'file', id: 'spec-file', collection: '' } }] };

describe('Fix it from Slack', () => {
  it('opens a pre-filled modal, shows errors inline, then writes the story back with every media node intact', async () => {
    jira.put({
      key: 'SHOP-1',
      fields: {
        summary: 'Save basket',
        description: doc(para(text('As a user, I want to save my basket.')), image('wireframe.png'), MEDIA_GROUP, para(text('Given a saved basket, when I sign in, then I see it')), para(text('When I log in again')), para(text('Customer feedback: https://acme.zendesk.com/agent/tickets/4711'))),
        issuetype: { name: 'Story' },
        project: { key: 'SHOP' },
        labels: [],
        attachment: [{ filename: 'wireframe.png', mimeType: 'image/png' }],
      },
    } as never);
    t = await startTestBot();
    await linkPriya();
    // Linted once already: the ticket carries Centric's comment.
    await t.webhook({ webhookEvent: 'jira:issue_created', user: { accountId: 'priya' }, issue: { key: 'SHOP-1' } }, { 'x-atlassian-webhook-identifier': 'w1' });
    await t.drained();
    const commentId = jira.comments.get('SHOP-1')![0]!.id;

    // The button opens the modal with the story as the ticket tells it.
    const click = await post({ type: 'block_actions', user: { id: 'U1' }, team: { id: 'T1' }, api_app_id: 'A1', token: 'x', trigger_id: '1.2', response_url: `${t.slackUrl}/respond/x`, actions: [{ type: 'button', action_id: 'fix_ticket', block_id: 'b', value: 'SHOP-1', action_ts: '1' }] });
    expect(click.status).toBe(200);
    // A loading modal at once (a trigger_id lives 3 s), then the pre-filled one when Jira has answered.
    let updated;
    for (let i = 0; i < 100 && !updated; i++) {
      updated = t.slack.requests.find((r) => r.path === '/api/views.update');
      if (!updated) await new Promise((r) => setTimeout(r, 20));
    }
    const opened = slackArgs(t.slack.requests.find((r) => r.path === '/api/views.open')!.body);
    expect(opened.trigger_id).toBe('1.2');
    expect(opened.view).toMatchObject({ type: 'modal', title: { type: 'plain_text', text: 'Fix SHOP-1' }, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Reading SHOP-1 from Jira…' } }] });
    expect(slackArgs(updated!.body).view_id).toBe('V123');
    const view = slackArgs(updated!.body).view as string | Record<string, any>;
    const modal = typeof view === 'string' ? JSON.parse(view) : view;
    expect(modal).toMatchObject({ type: 'modal', callback_id: 'fix_ticket_modal', private_metadata: JSON.stringify({ key: 'SHOP-1', ticketHasMetric: false }), title: { type: 'plain_text', text: 'Fix SHOP-1' } });
    expect(limitProblems(modal, 'view')).toEqual([]);
    const initial = Object.fromEntries(modal.blocks.filter((b: any) => b.type === 'input').map((b: any) => [b.block_id, b.element.initial_value ?? null]));
    expect(initial).toEqual({ role: 'user', goal: 'save my basket', benefit: null, metric: null, visuals: null });

    // Invalid: a generic persona, no benefit effect and no metric: errors at their fields, nothing written.
    const refused = await post(submission({ role: 'user', goal: 'save my basket', benefit: 'I can pay later', metric: '', visuals: '' }));
    const answer = (await refused.json()) as { response_action: string; errors: Record<string, string> };
    expect(answer.response_action).toBe('errors');
    expect(Object.keys(answer.errors).sort()).toEqual(['metric', 'role']);
    expect(answer.errors.role).toMatch(/^"user" is a generic role, not a persona\./);
    expect(jira.writes().filter((c) => JSON.stringify(c.body).includes('description'))).toEqual([]);

    // Valid: the modal closes, the story is written back and the ticket re-linted.
    const accepted = await post(submission({ role: 'returning shopper', goal: 'save my basket', benefit: 'I can pay on my phone', metric: 'checkout conversion +3% within 6 weeks', visuals: 'https://www.figma.com/file/abc' }));
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toBe('');
    for (let i = 0; i < 200 && !t.slack.requests.some((r) => r.path === '/api/chat.postMessage'); i++) await new Promise((r) => setTimeout(r, 20));

    const edit = jira.writes().find((c) => c.method === 'PUT' && c.path === '/rest/api/3/issue/SHOP-1' && (c.body as { fields?: unknown }).fields);
    const description = (edit!.body as { fields: { description: Record<string, any> } }).fields.description;
    expect(adfProblems(description)).toEqual([]);
    const json = JSON.stringify(description);
    expect(json).toContain('"id":"id-wireframe.png"');
    expect(json).toContain('"id":"spec-file"');
    expect(description.content[0]).toEqual(para(text('As a returning shopper, I want to save my basket, so that I can pay on my phone.')));

    const comment = jira.writes().find((c) => c.method === 'PUT' && c.path === `/rest/api/3/issue/SHOP-1/comment/${commentId}`);
    expect(JSON.stringify(comment?.body)).toContain('Story updated from Slack by priya (Slack user U1, Jira account acc-priya).');
    expect((edit!.body as { historyMetadata?: { description?: string } }).historyMetadata?.description).toBe('Centric, for priya (Slack U1, Jira acc-priya)');
    expect(JSON.stringify(comment?.body)).toContain('every check passes');
    expect(jira.comments.get('SHOP-1')).toHaveLength(1);
    const dm = slackArgs(t.slack.requests.find((r) => r.path === '/api/chat.postMessage')!.body);
    expect(dm).toMatchObject({ channel: 'U1', text: 'Updated SHOP-1 from Slack: it now scores 100/100.' });
  });
});

/** The Slack Web API calls made so far to `path`, with their view parsed (a form post carries it as JSON). */
function viewCalls(path: string): Array<Record<string, unknown> & { view: Record<string, unknown> }> {
  return t!.slack.requests
    .filter((r) => r.path === path)
    .map((r) => {
      const args = slackArgs(r.body);
      return { ...args, view: typeof args.view === 'string' ? JSON.parse(args.view) : args.view };
    });
}

async function pressFix(key: string, triggerId: string, updates: number): Promise<void> {
  const click = await post({ type: 'block_actions', user: { id: 'U1' }, team: { id: 'T1' }, api_app_id: 'A1', token: 'x', trigger_id: triggerId, response_url: `${t!.slackUrl}/respond/x`, actions: [{ type: 'button', action_id: 'fix_ticket', block_id: 'b', value: key, action_ts: '1' }] });
  expect(click.status).toBe(200);
  for (let i = 0; i < 200 && viewCalls('/api/views.update').length < updates; i++) await new Promise((r) => setTimeout(r, 20));
  expect(viewCalls('/api/views.update')).toHaveLength(updates);
}

const basket = (description: Record<string, unknown>) => ({
  key: 'SHOP-1',
  fields: { summary: 'Save basket', description, issuetype: { name: 'Story' }, project: { key: 'SHOP' }, labels: [], attachment: [] },
});

describe('Fix it for someone who may not edit the ticket', () => {
  it('shows no ticket content and writes nothing, from the button or from a forged submission', async () => {
    jira.put(basket(doc(para(text('As a CFO, I want the deal room, so that the merger stays secret.')))) as never);
    jira.restrict('SHOP', { browse: ['acc-priya'], edit: [] });
    t = await startTestBot();
    await linkPriya();
    await pressFix('SHOP-1', '1.2', 1);
    const notice = viewCalls('/api/views.update')[0]!.view;
    expect(notice.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'Your Jira account may not edit SHOP-1 (or it does not exist), so Centric will not change it for you either.' } }]);
    expect(JSON.stringify(notice)).not.toContain('deal room');
    // A submission Slack never showed a form for: checked again, refused, nothing written.
    const forged = await post(submission({ role: 'returning shopper', goal: 'save my basket', benefit: 'I can pay on my phone', metric: 'checkout conversion +3% within 6 weeks', visuals: '' }));
    expect(forged.status).toBe(200);
    for (let i = 0; i < 200 && !t.slack.requests.some((r) => r.path === '/api/chat.postMessage'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(slackArgs(t.slack.requests.find((r) => r.path === '/api/chat.postMessage')!.body).text).toBe(
      'SHOP-1 was not updated. Your Jira account may not edit SHOP-1 (or it does not exist), so Centric will not change it for you either.',
    );
    expect(jira.writes()).toEqual([]);
  });

  it('asks an unlinked person to link first', async () => {
    jira.put(basket(doc(para(text('As a user, I want to save my basket.')))) as never);
    t = await startTestBot();
    await pressFix('SHOP-1', '1.2', 1);
    expect(JSON.stringify(viewCalls('/api/views.update')[0]!.view.blocks)).toContain('Link your Jira account first');
    expect(jira.writes()).toEqual([]);
  });
});

describe('the Fix-it modal, whole', () => {
  it('is exactly these bodies: loading, pre-filled, and the notice for a ticket that is gone (an extra block or a lost field fails)', async () => {
    jira.put(basket(doc(para(text('As a user, I want to save my basket, so that I can pay later.')), para(text('Design: https://www.figma.com/file/abc/Basket')))) as never);
    t = await startTestBot();
    await linkPriya();
    await pressFix('SHOP-1', '1.2', 1);
    await pressFix('SHOP-404', '1.3', 2);
    const [loading, gone] = viewCalls('/api/views.open');
    const [prefilled, notice] = viewCalls('/api/views.update');
    await expect(snapshotOf(loading)).toMatchFileSnapshot('__snapshots__/fix-modal-loading.json');
    await expect(snapshotOf(prefilled)).toMatchFileSnapshot('__snapshots__/fix-modal-prefilled.json');
    expect(gone!.view).toEqual({ ...loading!.view, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Reading SHOP-404 from Jira…' } }], title: { type: 'plain_text', text: 'Fix SHOP-404' } });
    await expect(snapshotOf(notice)).toMatchFileSnapshot('__snapshots__/fix-modal-notice.json');
  });

  it('is exactly this body when centric.yml has a persona catalogue: the persona is a select, the story\'s one chosen', async () => {
    jira.put(basket(doc(para(text('As a weekly shopper, I want to save my basket.')))) as never);
    t = await startTestBot({ config: { personas: [{ name: 'weekly shopper', description: 'reorders the same basket', aliases: [] }, { name: 'night nurse', description: 'plans rounds', aliases: [] }] } });
    await linkPriya();
    await pressFix('SHOP-1', '1.2', 1);
    await expect(snapshotOf(viewCalls('/api/views.update')[0])).toMatchFileSnapshot('__snapshots__/fix-modal-personas.json');
  });
});

const NIGHT_SHIFT = "When I'm re-ordering supplies at the end of a night shift, I want to repeat last week's order, so I can get home on time.";
const JOB_ONLY = parseConfig('projects:\n  OPS:\n    rules:\n      story-format: { forms: [job] }\n  SHOP:\n    rules:\n      story-format: { forms: [user] }\n', 'centric.yml');
const jobFix = (situation: string, benefit = 'I can get home on time') => ({ role: '', situation, goal: "repeat last week's order", benefit, metric: '', visualsUrl: '' });

describe('Fix it for a job story (review finding 5)', () => {
  it('writes the form the project and the ticket have: a job story stays one, a job-only project gets one', () => {
    expect(formOf(DEFAULT_CONFIG, 'SHOP-1', 'job')).toBe('job');
    expect(formOf(DEFAULT_CONFIG, 'SHOP-1', 'user')).toBe('user');
    expect(formOf(DEFAULT_CONFIG, 'SHOP-1', null)).toBe('user');
    expect(formOf(JOB_ONLY, 'OPS-1', null)).toBe('job');
    expect(formOf(JOB_ONLY, 'OPS-1', 'user')).toBe('job');
    // A project that writes only user stories asks for one: story-format's own hint says so, and the modal too.
    expect(formOf(JOB_ONLY, 'SHOP-1', 'job')).toBe('user');
  });

  it('writes a job story as "When …, I want to …, so I can …", with or without the "I can" the ticket had', () => {
    expect(storySentence(jobFix("I'm re-ordering supplies at the end of a night shift"))).toBe(NIGHT_SHIFT);
    expect(storySentence(jobFix("when I'm re-ordering supplies at the end of a night shift, ", 'get home on time.'))).toBe(NIGHT_SHIFT);
  });

  // Second review, finding 5: "so I can my patients get their meds on time" was written.
  it.each([
    ['get home on time', 'so I can get home on time', 'I can get home on time'],
    ['so I can get home on time', 'so I can get home on time', 'I can get home on time'],
    ['my patients get their meds on time', 'so that my patients get their meds on time', 'my patients get their meds on time'],
    ['so that my patients get their meds on time', 'so that my patients get their meds on time', 'my patients get their meds on time'],
    ['patients get their meds on time', 'so that patients get their meds on time', 'patients get their meds on time'],
    ['the night shift ends on time', 'so that the night shift ends on time', 'the night shift ends on time'],
    ['I’m home on time', 'so I’m home on time', "I'm home on time"],
    ["I don't have to stay late", "so I don't have to stay late", "I don't have to stay late"],
    ['we hand over cleanly', 'so we hand over cleanly', 'we hand over cleanly'],
  ])('writes the benefit "%s" as "…, %s.", which reads back as a job story with its benefit', (benefit, clause, parsed) => {
    const sentence = storySentence(jobFix("I'm re-ordering supplies at the end of a night shift", benefit));
    expect(sentence).toBe(`When I'm re-ordering supplies at the end of a night shift, I want to repeat last week's order, ${clause}.`);
    expect(lintIssue({ key: 'SHOP-1', fields: { summary: 'Reorder', description: sentence, issuetype: { name: 'Story' }, labels: [], attachment: [] } }, DEFAULT_CONFIG).story).toEqual({
      kind: 'job', role: '', situation: "I'm re-ordering supplies at the end of a night shift", goal: "repeat last week's order", benefit: parsed, language: 'en',
    });
  });

  it('writes the benefit of a ticket\'s own "so that my patients …" job story back with "so that"', async () => {
    jira.put(basket(doc(para(text("When I'm re-ordering supplies at the end of a night shift, I want to repeat last week's order, so that my patients get their meds on time.")))) as never);
    t = await startTestBot();
    await linkPriya();
    await pressFix('SHOP-1', '1.2', 1);
    const { view } = viewCalls('/api/views.update')[0]!;
    const initial = (view.blocks as Array<{ block_id?: string; element?: { initial_value?: string } }>).find((b) => b.block_id === 'benefit')!.element!.initial_value;
    expect(initial).toBe('my patients get their meds on time');
    expect(storySentence(jobFix("I'm re-ordering supplies at the end of a night shift", initial))).toBe(
      "When I'm re-ordering supplies at the end of a night shift, I want to repeat last week's order, so that my patients get their meds on time.",
    );
  });

  it('in a job-only project, writes the job story over a user story that follows a context paragraph, and the ticket then lints with it (second review, finding 1)', async () => {
    const context = 'Nurses re-order supplies at night; it takes 20 minutes.';
    const ops = basket(doc(para(text(context)), para(text("As a night nurse, I want to repeat last week's order, so that I get home on time."))));
    jira.put({ ...ops, key: 'OPS-1', fields: { ...ops.fields, project: { key: 'OPS' } } } as never);
    t = await startTestBot({ config: JOB_ONLY });
    await linkPriya();
    await pressFix('OPS-1', '1.2', 1);
    expect(viewCalls('/api/views.update')[0]!.view.private_metadata).toBe(JSON.stringify({ key: 'OPS-1', ticketHasMetric: false, form: 'job' }));
    const payload = submission({ role: "I'm re-ordering supplies at the end of a night shift", goal: "repeat last week's order", benefit: 'get home on time', metric: '', visuals: '' });
    payload.view.private_metadata = JSON.stringify({ key: 'OPS-1', ticketHasMetric: true, form: 'job' });
    expect(await (await post(payload)).text()).toBe('');
    for (let i = 0; i < 200 && !t.slack.requests.some((r) => r.path === '/api/chat.postMessage'); i++) await new Promise((r) => setTimeout(r, 20));
    const edit = jira.writes().find((c) => c.method === 'PUT' && c.path === '/rest/api/3/issue/OPS-1' && (c.body as { fields?: unknown }).fields);
    const description = (edit!.body as { fields: { description: Record<string, any> } }).fields.description;
    expect(description.content).toEqual([para(text(context)), para(text(NIGHT_SHIFT))]);
    const report = lintIssue({ ...ops, key: 'OPS-1', fields: { ...ops.fields, project: { key: 'OPS' }, description } } as never, JOB_ONLY);
    expect(report.story).toEqual({ kind: 'job', role: '', situation: "I'm re-ordering supplies at the end of a night shift", goal: "repeat last week's order", benefit: 'I can get home on time', language: 'en' });
    expect(report.findings?.find((f) => f.rule === 'story-format')).toBeUndefined();
  });

  it('accepts a job story in a job-only project, and a user story there too (the wrong-form finding is not the person\'s to fix)', () => {
    expect(validateFix({ config: JOB_ONLY }, 'OPS-1', jobFix("I'm re-ordering supplies at the end of a night shift"), true)).toEqual({});
    // The reviewer's probe: a user story submitted in the job-only project is no longer refused by story-format.
    expect(validateFix({ config: JOB_ONLY }, 'OPS-1', { role: 'night nurse', goal: "repeat last week's order", benefit: 'I can get home on time', metric: '', visualsUrl: '' }, true)).toEqual({});
  });

  it('asks for the situation, and shows a generic one at its field', () => {
    expect(validateFix({ config: JOB_ONLY }, 'OPS-1', jobFix(''), true)).toEqual({ role: 'When does it happen? Say the moment, e.g. "I\'m re-ordering supplies at the end of a night shift".' });
    expect(validateFix({ config: JOB_ONLY }, 'OPS-1', jobFix("I'm logged in"), true)).toEqual({
      role: 'The situation "I\'m logged in" is generic: it names no moment, context or trigger. Say when exactly this happens, e.g. "When I\'m re-ordering supplies at the end of a night shift, I want …".',
    });
    expect(validateFix({ config: JOB_ONLY }, 'OPS-1', jobFix("I'm re-ordering supplies at the end of a night shift", 'I can'), true)).toEqual({
      benefit: 'The benefit "I can" is a placeholder: it does not say what the customer gains. Replace "I can" with what "repeat last week\'s order" lets the customer do or stop worrying about.',
    });
  });

  it('opens the job-story modal for a job story, and writes the job story back in its place', async () => {
    jira.put(basket(doc(para(text("When I'm re-ordering supplies at the end of a shift, I want to repeat last week's order.")), para(text('Notes: the ward list is long.')))) as never);
    t = await startTestBot();
    await linkPriya();
    await pressFix('SHOP-1', '1.2', 1);
    const modal = viewCalls('/api/views.update')[0]!;
    await expect(snapshotOf(modal)).toMatchFileSnapshot('__snapshots__/fix-modal-job.json');
    expect(limitProblems(modal.view, 'view')).toEqual([]);

    const payload = submission({ role: "I'm re-ordering supplies at the end of a night shift", goal: "repeat last week's order", benefit: 'I can get home on time', metric: '', visuals: '' });
    payload.view.private_metadata = JSON.stringify({ key: 'SHOP-1', ticketHasMetric: true, form: 'job' });
    const accepted = await post(payload);
    expect(await accepted.text()).toBe('');
    for (let i = 0; i < 200 && !t.slack.requests.some((r) => r.path === '/api/chat.postMessage'); i++) await new Promise((r) => setTimeout(r, 20));
    const edit = jira.writes().find((c) => c.method === 'PUT' && c.path === '/rest/api/3/issue/SHOP-1' && (c.body as { fields?: unknown }).fields);
    const description = (edit!.body as { fields: { description: Record<string, any> } }).fields.description;
    expect(description.content).toEqual([para(text(NIGHT_SHIFT)), para(text('Notes: the ward list is long.'))]);
  });

  it('says so when a project that writes user stories has the job story rewritten as one', async () => {
    jira.put(basket(doc(para(text("When I'm re-ordering supplies at the end of a shift, I want to repeat last week's order.")))) as never);
    t = await startTestBot({ config: JOB_ONLY });
    await linkPriya();
    await pressFix('SHOP-1', '1.2', 1);
    const { view } = viewCalls('/api/views.update')[0]!;
    expect((view.blocks as Array<{ text?: { text: string } }>)[0]!.text!.text).toBe(
      'Make *SHOP-1* say who it is for, what they want, why, and how you will know. This project writes user stories: the ticket\'s job story ("When …") is rewritten as "As a …, I want to …, so that …". Only the story part of the description changes; everything else, attachments included, stays.',
    );
    expect(view.private_metadata).toBe(JSON.stringify({ key: 'SHOP-1', ticketHasMetric: false }));
  });

  it('opens the job-story modal for a ticket without a story in a job-only project', async () => {
    jira.put({ ...basket(doc(para(text('Repeat orders')))), key: 'OPS-1', fields: { ...basket(doc(para(text('Repeat orders')))).fields, project: { key: 'OPS' } } } as never);
    t = await startTestBot({ config: JOB_ONLY });
    await linkPriya();
    await pressFix('OPS-1', '1.2', 1);
    const { view } = viewCalls('/api/views.update')[0]!;
    expect(view.private_metadata).toBe(JSON.stringify({ key: 'OPS-1', ticketHasMetric: false, form: 'job' }));
    const inputs = (view.blocks as Array<{ type: string; block_id?: string; label?: { text: string } }>).filter((b) => b.type === 'input').map((b) => [b.block_id, b.label!.text]);
    expect(inputs).toEqual([['role', 'When…'], ['goal', 'I want to…'], ['benefit', 'so I can…'], ['metric', 'Success'], ['visuals', 'Design or recording link']]);
  });
});

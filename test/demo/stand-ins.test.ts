import { afterEach, describe, expect, it } from 'vitest';
import { JiraCloudStandIn } from '../../src/demo/stand-ins/jira-cloud.js';
import { SlackStandIn } from '../../src/demo/stand-ins/slack-web.js';

const closing: Array<{ close(): Promise<void> }> = [];
afterEach(async () => void (await Promise.all(closing.splice(0).map((s) => s.close()))));

async function slack() {
  const s = new SlackStandIn({ token: 'xoxb-good', people: { U1: { name: 'Priya', email: 'p@x.io', tz: 'Europe/Berlin' } }, channels: { C1: { name: 'product' }, G1: { name: 'secret', private: true } } });
  closing.push(s);
  const url = await s.listen();
  const call = async (method: string, args: Record<string, unknown>, token = 'xoxb-good') => {
    const form = new URLSearchParams(Object.entries(args).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
    return (await (await fetch(`${url}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' }, body: form })).json()) as Record<string, any>;
  };
  return { s, call };
}

async function jira() {
  const j = new JiraCloudStandIn({ bot: { accountId: 'bot', displayName: 'Centric', emailAddress: 'c@x.io' }, apiToken: 'tok' });
  closing.push(j);
  const url = await j.listen();
  j.put({ key: 'SHOP-1', fields: { summary: 's', issuetype: { name: 'Story' }, labels: [] } });
  const auth = `Basic ${Buffer.from('c@x.io:tok').toString('base64')}`;
  const call = (method: string, path: string, body?: unknown, authorization = auth) =>
    fetch(`${url}/rest/api/3${path}`, { method, headers: { authorization, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { j, call };
}

describe('the Slack stand-in answers as the Web API does', () => {
  it('rejects a wrong or missing token', async () => {
    const { call } = await slack();
    expect(await call('auth.test', {}, 'xoxb-bad')).toEqual({ ok: false, error: 'invalid_auth' });
    expect(await call('auth.test', {}, '')).toEqual({ ok: false, error: 'not_authed' });
  });

  it('checks messages: channel, text, Block Kit limits, membership', async () => {
    const { s, call } = await slack();
    expect(await call('chat.postMessage', { text: 'hi' })).toEqual({ ok: false, error: 'channel_not_found' });
    expect(await call('chat.postMessage', { channel: 'U1' })).toEqual({ ok: false, error: 'no_text' });
    const tooMany = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    expect(await call('chat.postMessage', { channel: 'U1', text: 'x', blocks: tooMany })).toMatchObject({ ok: false, error: 'invalid_blocks', errors: ['no more than 50 items allowed [json-pointer:/blocks]'] });
    const longHeader = [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }];
    expect((await call('chat.postMessage', { channel: 'U1', text: 'x', blocks: longHeader })).errors).toEqual(['must be less than 151 characters [json-pointer:/blocks/0/text/text]']);
    expect(await call('chat.postMessage', { channel: 'C1', text: 'x' })).toEqual({ ok: false, error: 'not_in_channel' });
    expect(await call('conversations.join', { channel: 'G1' })).toEqual({ ok: false, error: 'method_not_supported_for_channel_type' });
    expect((await call('conversations.join', { channel: 'C1' })).ok).toBe(true);
    const posted = await call('chat.postMessage', { channel: 'C1', text: 'hello' });
    expect(posted).toMatchObject({ ok: true, channel: 'C1' });
    expect(await call('chat.update', { channel: 'C1', ts: '1.2', text: 'x' })).toEqual({ ok: false, error: 'message_not_found' });
    expect((await call('chat.update', { channel: 'C1', ts: posted.ts, text: 'edited' })).ok).toBe(true);
    expect(s.conversation('C1')).toMatchObject([{ text: 'edited', history: [{ text: 'hello' }] }]);
  });

  it('checks views and uploads', async () => {
    const { call } = await slack();
    expect((await call('views.open', { view: { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] } })).error).toBe('invalid_arguments');
    const noSubmit = await call('views.open', { trigger_id: '1', view: { type: 'modal', title: { type: 'plain_text', text: 'A title that is far too long' }, blocks: [{ type: 'input', label: { type: 'plain_text', text: 'l' }, element: { type: 'plain_text_input' } }] } });
    expect(noSubmit.response_metadata.messages).toEqual(['[ERROR] title must be plain_text of 1 to 24 characters [json-pointer:/view/title]', '[ERROR] submit is required when a view has input blocks [json-pointer:/view/submit]']);
    expect(await call('views.publish', { user_id: 'U9', view: { type: 'home', blocks: [] } })).toEqual({ ok: false, error: 'user_not_found' });
    expect((await call('files.getUploadURLExternal', { filename: 'a.png' })).error).toBe('invalid_arguments');
    const url = await call('files.getUploadURLExternal', { filename: 'a.png', length: '3' });
    expect(await call('files.completeUploadExternal', { files: [{ id: url.file_id }], channel_id: 'U1' })).toEqual({ ok: false, error: 'file_not_found' });
  });
});

describe('the Jira stand-in answers as Jira Cloud does', () => {
  it('wants basic auth with the API token', async () => {
    const { call } = await jira();
    expect((await call('GET', '/myself', undefined, 'Basic bm9wZQ==')).status).toBe(401);
    expect((await call('GET', '/myself')).status).toBe(200);
  });

  it('rejects comments and descriptions that are not ADF, and fields that are not editable', async () => {
    const { j, call } = await jira();
    const bad = await call('POST', '/issue/SHOP-1/comment', { body: 'plain text is v2, not v3' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors.comment).toBe('Comment body is not a valid Atlassian Document: doc: type must be "doc"');
    const edit = await call('PUT', '/issue/SHOP-1', { fields: { description: { type: 'doc', version: 1, content: [{ type: 'text', text: 'loose' }] }, priority: { name: 'High' } } });
    expect(edit.status).toBe(400);
    expect(((await edit.json()) as any).errors).toEqual({
      priority: "Field 'priority' cannot be set. It is not on the appropriate screen, or unknown.",
      description: 'Operation value must be an Atlassian Document (see the Atlassian Document Format): doc.0: text is not allowed in doc',
    });
    expect((await call('GET', '/issue/SHOP-9')).status).toBe(404);
    expect(j.comments.size).toBe(0);
  });

  it('pages a JQL search with nextPageToken', async () => {
    const { j, call } = await jira();
    for (let i = 2; i <= 3; i++) j.put({ key: `SHOP-${i}`, fields: { summary: 's', issuetype: { name: 'Story' } } });
    const first = (await (await call('GET', '/search/jql?jql=project%20%3D%20SHOP&maxResults=2')).json()) as any;
    expect(first.issues.map((i: { key: string }) => i.key)).toEqual(['SHOP-1', 'SHOP-2']);
    const second = await (await call('GET', `/search/jql?jql=project%20%3D%20SHOP&maxResults=2&nextPageToken=${first.nextPageToken}`)).json();
    expect(second).toMatchObject({ isLast: true, issues: [{ key: 'SHOP-3' }] });
  });
});

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

const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });
const para = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (value: string, marks?: unknown[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const media = (attrs: Record<string, unknown>) => ({ type: 'media', attrs });

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
    expect(((await bad.json()) as any).errors.comment).toBe('Comment body is not a valid Atlassian Document: /: must be object');
    const edit = await call('PUT', '/issue/SHOP-1', { fields: { description: doc({ type: 'text', text: 'loose' }), priority: { name: 'High' } } });
    expect(edit.status).toBe(400);
    expect(((await edit.json()) as any).errors).toEqual({
      priority: "Field 'priority' cannot be set. It is not on the appropriate screen, or unknown.",
      description:
        'Operation value must be an Atlassian Document (see the Atlassian Document Format): /content/0: "text" is not allowed here (allowed: blockCard, codeBlock, mediaSingle, paragraph, taskList, orderedList, bulletList, blockquote, …)',
    });
    expect((await call('GET', '/issue/SHOP-9')).status).toBe(404);
    expect(j.comments.size).toBe(0);
  });

  // ADF as Atlassian's JSON schema has it: the stand-in is neither stricter nor laxer than Jira Cloud.
  it('accepts every valid ADF document, also nodes and marks Centric does not write', async () => {
    const { j, call } = await jira();
    const valid = {
      'mediaInline in a paragraph': doc(para({ type: 'mediaInline', attrs: { type: 'file', id: 'f-1', collection: '' } })),
      'textColor and subsup marks': doc(para(text('red', [{ type: 'textColor', attrs: { color: '#ff5630' } }]), text('2', [{ type: 'subsup', attrs: { type: 'sup' } }]))),
      'layoutSection with layoutColumns': doc({ type: 'layoutSection', content: [{ type: 'layoutColumn', attrs: { width: 50 }, content: [para(text('left'))] }, { type: 'layoutColumn', attrs: { width: 50 }, content: [para(text('right'))] }] }),
      'mediaSingle in a listItem': doc({ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'mediaSingle', attrs: { layout: 'center' }, content: [media({ type: 'file', id: 'f-2', collection: '' })] }] }] }),
      "panel of type 'note'": doc({ type: 'panel', attrs: { panelType: 'note' }, content: [para(text('Heads up'))] }),
      'status, emoji, mention and date': doc(para({ type: 'status', attrs: { text: 'DONE', color: 'green' } }, { type: 'emoji', attrs: { shortName: ':smile:' } }, { type: 'mention', attrs: { id: 'priya' } }, { type: 'date', attrs: { timestamp: '1767225600000' } })),
    };
    for (const [name, body] of Object.entries(valid)) {
      const posted = await call('POST', '/issue/SHOP-1/comment', { body });
      expect(posted.status, name).toBe(201);
      expect((await call('PUT', '/issue/SHOP-1', { fields: { description: body } })).status, name).toBe(204);
    }
    expect(j.comments.get('SHOP-1')).toHaveLength(6);
  });

  it('rejects invalid ADF with a 400 saying what is wrong and where', async () => {
    const { j, call } = await jira();
    const invalid = {
      'an unknown attribute': [doc({ type: 'paragraph', attrs: { color: 'red' }, content: [text('x')] }), "/content/0/attrs: unknown property 'color'"],
      "panelType 'bogus'": [doc({ type: 'panel', attrs: { panelType: 'bogus' }, content: [para(text('x'))] }), '/content/0/attrs/panelType: must be one of info, note, tip, warning, error, success, custom; got "bogus"'],
      'media without an id': [doc({ type: 'mediaSingle', attrs: { layout: 'center' }, content: [media({ type: 'file', collection: '' })] }), "/content/0/content/0/attrs: must have required property 'id'"],
      'an empty text node': [doc(para(text(''))), '/content/0/content/0/text: must not be empty'],
      'a heading without a level': [doc({ type: 'heading', attrs: {}, content: [text('Title')] }), "/content/0/attrs: must have required property 'level'"],
      'a heading inside a list item': [
        doc({ type: 'bulletList', content: [{ type: 'listItem', content: [para(text('a')), { type: 'heading', attrs: { level: 2 }, content: [text('b')] }] }] }),
        '/content/0/content/0/content/1: "heading" is not allowed here (allowed: paragraph, bulletList, orderedList, taskList, mediaSingle, codeBlock, extension)',
      ],
    } as const;
    for (const [name, [body, problem]] of Object.entries(invalid)) {
      const posted = await call('POST', '/issue/SHOP-1/comment', { body });
      expect(posted.status, name).toBe(400);
      expect(await posted.json(), name).toEqual({ errorMessages: [], errors: { comment: `Comment body is not a valid Atlassian Document: ${problem}` } });
      const edited = await call('PUT', '/issue/SHOP-1', { fields: { description: body } });
      expect(edited.status, name).toBe(400);
      expect(await edited.json(), name).toEqual({ errorMessages: [], errors: { description: `Operation value must be an Atlassian Document (see the Atlassian Document Format): ${problem}` } });
    }
    expect(j.comments.size).toBe(0);
    expect(j.issues.get('SHOP-1')!.fields.description).toBeUndefined();
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

describe('the Jira stand-in keeps Jira Cloud\'s permissions', () => {
  const PRIYA = { accountId: 'acc-priya', displayName: 'Priya', emailAddress: 'priya@acme.io', apiToken: 'priya-token' };
  const MAREK = { accountId: 'acc-marek', displayName: 'Marek', emailAddress: 'marek@acme.io', emailVisible: false, apiToken: 'marek-token' };
  const as = (p: { emailAddress: string; apiToken: string }) => `Basic ${Buffer.from(`${p.emailAddress}:${p.apiToken}`).toString('base64')}`;

  async function site() {
    const { j, call } = await jira();
    j.addPerson(PRIYA).addPerson(MAREK);
    j.put({ key: 'SECRET-1', fields: { summary: 'launch plan', issuetype: { name: 'Story' }, labels: [] } });
    j.restrictProject('SECRET', { browse: ['acc-priya'] });
    const answer = async (method: string, path: string, body?: unknown, authorization?: string) => {
      const res = await call(method, path, body, authorization);
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    };
    return { j, answer };
  }

  it('finds users with permissions: requires permissions, an account and an issue or project; knows its keys', async () => {
    const { answer } = await site();
    expect(await answer('GET', '/user/permission/search?accountId=acc-priya&issueKey=SHOP-1')).toEqual({ status: 400, body: { errorMessages: ["The 'permissions' parameter is required."], errors: {} } });
    expect((await answer('GET', '/user/permission/search?accountId=acc-priya&issueKey=SHOP-1&permissions=BROWSE_EVERYTHING')).body.errorMessages).toEqual(['Invalid permission: BROWSE_EVERYTHING.']);
    expect((await answer('GET', '/user/permission/search?accountId=acc-priya&permissions=BROWSE_PROJECTS')).status).toBe(400);
    expect((await answer('GET', '/user/permission/search?issueKey=SHOP-1&permissions=BROWSE_PROJECTS')).status).toBe(400);
    expect(await answer('GET', '/user/permission/search?accountId=acc-priya&issueKey=SHOP-404&permissions=BROWSE_PROJECTS')).toEqual({ status: 404, body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} } });
    expect((await answer('GET', '/user/permission/search?accountId=acc-priya&projectKey=NOPE&permissions=BROWSE_PROJECTS')).status).toBe(404);
    expect((await answer('GET', '/user/permission/search?accountId=acc-priya&issueKey=SHOP-1&permissions=BROWSE')).body).toEqual([expect.objectContaining({ accountId: 'acc-priya' })]);
  });

  it('answers by the project\'s rules: everyone on an open project, only the listed people on a restricted one', async () => {
    const { answer } = await site();
    const who = async (query: string) => ((await answer('GET', `/user/permission/search?${query}`)).body as Array<{ accountId: string }>).map((u) => u.accountId);
    expect(await who('accountId=acc-marek&issueKey=SHOP-1&permissions=BROWSE_PROJECTS,EDIT_ISSUES')).toEqual(['acc-marek']);
    expect(await who('accountId=acc-priya&issueKey=SECRET-1&permissions=BROWSE_PROJECTS')).toEqual(['acc-priya']);
    expect(await who('accountId=acc-priya&issueKey=SECRET-1&permissions=BROWSE_PROJECTS,EDIT_ISSUES')).toEqual([]);
    expect(await who('accountId=acc-marek&projectKey=SECRET&permissions=BROWSE_PROJECTS')).toEqual([]);
    expect(await who('accountId=acc-nobody&projectKey=SHOP&permissions=BROWSE_PROJECTS')).toEqual([]);
    expect(await who('query=pri&projectKey=SECRET&permissions=BROWSE_PROJECTS')).toEqual(['acc-priya']);
  });

  it('tells only an admin of the project (or of Jira) who holds permissions', async () => {
    const { j, answer } = await site();
    expect((await answer('GET', '/user/permission/search?accountId=bot&projectKey=SHOP&permissions=BROWSE_PROJECTS', undefined, as(PRIYA))).status).toBe(403);
    j.withhold('ADMINISTER_PROJECTS');
    expect((await answer('GET', '/user/permission/search?accountId=acc-priya&projectKey=SHOP&permissions=BROWSE_PROJECTS')).status).toBe(200);
    j.withhold('ADMINISTER');
    expect((await answer('GET', '/user/permission/search?accountId=acc-priya&projectKey=SHOP&permissions=BROWSE_PROJECTS')).status).toBe(403);
  });

  it('answers my permissions, global and in any project, and can withhold Browse users and groups', async () => {
    const { j, answer } = await site();
    expect((await answer('GET', '/mypermissions')).status).toBe(400);
    expect((await answer('GET', '/mypermissions?permissions=FLY')).status).toBe(400);
    const have = async (authorization?: string) => {
      const { body } = await answer('GET', '/mypermissions?permissions=BROWSE_PROJECTS,EDIT_ISSUES,USER_PICKER,ADMINISTER_PROJECTS', undefined, authorization);
      return Object.fromEntries(Object.entries(body.permissions as Record<string, { havePermission: boolean; type: string }>).map(([k, v]) => [k, `${v.type} ${v.havePermission}`]));
    };
    expect(await have()).toEqual({ BROWSE_PROJECTS: 'PROJECT true', EDIT_ISSUES: 'PROJECT true', USER_PICKER: 'GLOBAL true', ADMINISTER_PROJECTS: 'PROJECT true' });
    expect(await have(as(PRIYA))).toEqual({ BROWSE_PROJECTS: 'PROJECT true', EDIT_ISSUES: 'PROJECT true', USER_PICKER: 'GLOBAL true', ADMINISTER_PROJECTS: 'PROJECT false' });
    j.withhold('USER_PICKER');
    expect((await have()).USER_PICKER).toBe('GLOBAL false');
  });

  it('user search hides e-mails people keep private, and finds nobody without Browse users and groups', async () => {
    const { j, answer } = await site();
    expect((await answer('GET', '/user/search?query=priya%40acme.io')).body).toEqual([{ self: expect.any(String), accountId: 'acc-priya', accountType: 'atlassian', emailAddress: 'priya@acme.io', displayName: 'Priya', active: true, timeZone: 'Etc/UTC' }]);
    const marek = (await answer('GET', '/user/search?query=marek%40acme.io')).body;
    expect(marek).toEqual([expect.objectContaining({ accountId: 'acc-marek' })]);
    expect(marek[0]).not.toHaveProperty('emailAddress');
    j.withhold('USER_PICKER');
    expect(await answer('GET', '/user/search?query=priya%40acme.io')).toEqual({ status: 200, body: [] });
  });

  it('hides a restricted project\'s issues from people who may not browse it, and refuses edits from people who may not edit', async () => {
    const { answer } = await site();
    expect((await answer('GET', '/issue/SECRET-1', undefined, as(MAREK))).status).toBe(404);
    expect((await answer('GET', '/issue/SECRET-1', undefined, as(PRIYA))).status).toBe(200);
    expect((await answer('GET', '/search/jql?jql=project%20in%20(SHOP%2C%20SECRET)', undefined, as(MAREK))).body.issues.map((i: { key: string }) => i.key)).toEqual(['SHOP-1']);
    expect((await answer('PUT', '/issue/SECRET-1', { fields: { summary: 'leak' } }, as(PRIYA))).status).toBe(403);
    expect((await answer('PUT', '/issue/SHOP-1', { fields: { summary: 'fine' } }, as(MAREK))).status).toBe(204);
  });

  it('orders comments by created either way, writes them as their author, and keeps others\' comments theirs', async () => {
    const { j, answer } = await site();
    const adf = (value: string) => doc(para(text(value)));
    expect((await answer('POST', '/issue/SHOP-1/comment', { body: adf('first') }, as(PRIYA))).body.author).toMatchObject({ accountId: 'acc-priya' });
    j.commentAs('acc-marek', 'SHOP-1', 'second');
    const { body: bot } = await answer('POST', '/issue/SHOP-1/comment', { body: adf('third') });
    const order = async (orderBy?: string) => ((await answer('GET', `/issue/SHOP-1/comment${orderBy ? `?orderBy=${orderBy}` : ''}`)).body.comments as Array<{ author: { accountId: string } }>).map((c) => c.author.accountId);
    expect(await order()).toEqual(['acc-priya', 'acc-marek', 'bot']);
    expect(await order('-created')).toEqual(['bot', 'acc-marek', 'acc-priya']);
    expect((await answer('GET', '/issue/SHOP-1/comment?orderBy=author')).status).toBe(400);
    expect((await answer('POST', '/issue/SECRET-1/comment', { body: adf('x') }, as(MAREK))).status).toBe(404);
    // Somebody else's comment: Priya may not delete the bot's; the bot may delete hers while it holds Delete all comments.
    expect((await answer('DELETE', `/issue/SHOP-1/comment/${bot.id}`, undefined, as(PRIYA))).status).toBe(403);
    const [priya, marek] = j.comments.get('SHOP-1')!;
    expect((await answer('DELETE', `/issue/SHOP-1/comment/${priya!.id}`)).status).toBe(204);
    j.withhold('DELETE_ALL_COMMENTS');
    expect((await answer('DELETE', `/issue/SHOP-1/comment/${marek!.id}`)).status).toBe(403);
    expect((await answer('DELETE', `/issue/SHOP-1/comment/${bot.id}`)).status).toBe(204);
  });

  it('checks an edit\'s historyMetadata and keeps it in the issue\'s changelog', async () => {
    const { answer } = await site();
    const historyMetadata = { type: 'centric:on-behalf-of', description: 'Centric, for Priya (Slack U1, Jira acc-priya)', actor: { id: 'U1', displayName: 'Priya', type: 'centric-slack-user' }, extraData: { slackUserId: 'U1' } };
    expect(await answer('PUT', '/issue/SHOP-1', { update: { labels: [{ add: 'x' }] }, historyMetadata: { ...historyMetadata, extraData: { attempt: 2 } } })).toEqual({ status: 400, body: { errorMessages: ['historyMetadata.extraData.attempt: must be a string'], errors: {} } });
    expect((await answer('PUT', '/issue/SHOP-1', { update: { labels: [{ add: 'x' }] }, historyMetadata: { actor: 'Priya' } })).body.errorMessages).toEqual(['historyMetadata.actor: must be an object']);
    expect((await answer('PUT', '/issue/SHOP-1', { update: { labels: [{ add: 'x' }] }, historyMetadata })).status).toBe(204);
    const { body } = await answer('GET', '/issue/SHOP-1/changelog');
    expect(body.values).toEqual([expect.objectContaining({ author: expect.objectContaining({ accountId: 'bot' }), items: [expect.objectContaining({ field: 'labels', fromString: '', toString: 'x' })], historyMetadata })]);
  });
});

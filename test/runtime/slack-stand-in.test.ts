import { afterEach, describe, expect, it } from 'vitest';
import { SlackStandIn, type SlackStandInOptions } from '../../src/demo/stand-ins/slack-web.js';
import { slackStandIn, type StandIn } from '../helpers/stand-in.js';

const closing: StandIn[] = [];
afterEach(async () => void (await Promise.all(closing.splice(0).map((s) => s.close()))));

const PEOPLE: SlackStandInOptions['people'] = {
  U1: { name: 'Priya', email: 'priya@acme.io', tz: 'Europe/Berlin' },
  U2: { name: 'Ada', email: 'ada@acme.io', tz: 'Europe/London', admin: true },
  U3: { name: 'Olu', email: 'olu@acme.io', tz: 'Africa/Lagos', owner: true },
  U4: { name: 'Guest', email: 'guest@elsewhere.io', tz: 'UTC', emailConfirmed: false },
  U5: { name: 'No mail', tz: 'UTC' },
};
const MANY = Array.from({ length: 250 }, (_, i) => `U${String(1000 + i)}`);

/** The stand-in, and a call as the Node SDK makes it (a form, the token as Bearer). */
async function standIn(options: Partial<SlackStandInOptions> = {}) {
  const s = new SlackStandIn({
    token: 'xoxb-good',
    people: PEOPLE,
    channels: { C1: { name: 'product', members: ['U1', 'U2'] }, C2: { name: 'big', member: true, members: MANY }, G1: { name: 'secret', private: true, members: ['U1'] }, G2: { name: 'ours', private: true, member: true, members: ['U2'] } },
    ...options,
  });
  closing.push(s);
  const url = await s.listen();
  const call = async (method: string, args: Record<string, string>, json = false) =>
    (await (
      await fetch(`${url}/api/${method}`, {
        method: 'POST',
        headers: { authorization: 'Bearer xoxb-good', 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
        body: json ? JSON.stringify(args) : new URLSearchParams(args),
      })
    ).json()) as Record<string, any>;
  return { s, call };
}

describe('the Slack stand-in: users.info', () => {
  it("answers is_admin, is_owner, is_email_confirmed and profile.email as Slack shapes them", async () => {
    const { call } = await standIn();
    const user = async (id: string) => {
      const { user: u } = await call('users.info', { user: id });
      return { is_admin: u.is_admin, is_owner: u.is_owner, is_email_confirmed: u.is_email_confirmed, email: u.profile.email };
    };
    expect(await user('U1')).toEqual({ is_admin: false, is_owner: false, is_email_confirmed: true, email: 'priya@acme.io' });
    expect(await user('U2')).toEqual({ is_admin: true, is_owner: false, is_email_confirmed: true, email: 'ada@acme.io' });
    expect(await user('U3')).toEqual({ is_admin: true, is_owner: true, is_email_confirmed: true, email: 'olu@acme.io' });
    expect(await user('U4')).toEqual({ is_admin: false, is_owner: false, is_email_confirmed: false, email: 'guest@elsewhere.io' });
    expect(await user('U5')).toEqual({ is_admin: false, is_owner: false, is_email_confirmed: false, email: undefined });
    expect(await call('users.info', { user: 'U9' })).toEqual({ ok: false, error: 'user_not_found' });
  });

  it('lets a test declare people, and without users:read.email leaves the e-mail out', async () => {
    const { s, call } = await standIn({ scopes: ['users:read'] });
    s.declarePerson('U9', { name: 'New admin', email: 'new@acme.io', tz: 'UTC', admin: true });
    const { user } = await call('users.info', { user: 'U9' });
    expect(user).toMatchObject({ id: 'U9', is_admin: true, profile: { real_name: 'New admin' } });
    expect(user.profile.email).toBeUndefined();
    expect(await call('users.lookupByEmail', { email: 'new@acme.io' })).toEqual({ ok: false, error: 'missing_scope', needed: 'users:read.email', provided: 'users:read' });
  });

  it('the small stand-in of test/helpers answers the same shape, with declared users', async () => {
    const s = slackStandIn({ users: { U7: { name: 'Boss', email: 'boss@acme.io', tz: 'UTC', owner: true } } });
    closing.push(s);
    const url = await s.listen();
    const info = await (await fetch(`${url}/api/users.info`, { method: 'POST', body: new URLSearchParams({ user: 'U7' }) })).json();
    expect(info).toMatchObject({ ok: true, user: { id: 'U7', is_admin: true, is_owner: true, is_email_confirmed: true, profile: { email: 'boss@acme.io' } } });
  });
});

describe('the Slack stand-in: conversations.members', () => {
  it('pages with an opaque cursor, 100 by default, and lists the bot when it is in the channel', async () => {
    const { call } = await standIn();
    const seen: string[] = [];
    let cursor = '';
    const pages: number[] = [];
    do {
      const page = await call('conversations.members', { channel: 'C2', ...(cursor ? { cursor } : {}) });
      expect(page.ok).toBe(true);
      seen.push(...page.members);
      pages.push(page.members.length);
      cursor = page.response_metadata.next_cursor;
    } while (cursor);
    expect(pages).toEqual([100, 100, 51]);
    expect(seen).toEqual([...MANY, 'U0CENTRIC']);
    expect((await call('conversations.members', { channel: 'C2', limit: '1000' })).members).toHaveLength(251);
    expect(await call('conversations.members', { channel: 'C1', limit: '1' })).toEqual({ ok: true, members: ['U1'], response_metadata: { next_cursor: Buffer.from('user:U2').toString('base64') } });
  });

  it("answers Slack's errors: unknown channel, private channel the bot is not in, bad cursor or limit, missing scope, JSON body", async () => {
    const { call } = await standIn();
    expect(await call('conversations.members', { channel: 'C404' })).toEqual({ ok: false, error: 'channel_not_found' });
    // Slack does not reveal a private channel to a non-member: it looks like no channel at all.
    expect(await call('conversations.members', { channel: 'G1' })).toEqual({ ok: false, error: 'channel_not_found' });
    expect((await call('conversations.members', { channel: 'G2' })).members).toEqual(['U2', 'U0CENTRIC']);
    expect(await call('conversations.members', { channel: 'C1', cursor: 'bm9wZQ==' })).toEqual({ ok: false, error: 'invalid_cursor' });
    expect(await call('conversations.members', { channel: 'C1', limit: '0' })).toEqual({ ok: false, error: 'invalid_limit' });
    // The method takes form arguments only: from a JSON body, Slack reads no channel.
    expect(await call('conversations.members', { channel: 'C1' }, true)).toEqual({ ok: false, error: 'channel_not_found' });
    const scoped = await standIn({ scopes: ['chat:write', 'users:read'] });
    expect(await scoped.call('conversations.members', { channel: 'C1' })).toEqual({ ok: false, error: 'missing_scope', needed: 'channels:read', provided: 'chat:write,users:read' });
    expect(await scoped.call('conversations.members', { channel: 'G2' })).toEqual({ ok: false, error: 'missing_scope', needed: 'groups:read', provided: 'chat:write,users:read' });
  });

  it('follows a channel a test declares', async () => {
    const { s, call } = await standIn();
    s.declareChannel('C7', { name: 'late', members: ['U1'] });
    expect((await call('conversations.members', { channel: 'C7' })).members).toEqual(['U1']);
  });
});

describe('the Slack stand-in: chat.postMessage to a user id', () => {
  it('opens the DM and answers with its D… channel, as Slack does', async () => {
    const { s, call } = await standIn();
    const posted = await call('chat.postMessage', { channel: 'U1', text: 'hello' });
    expect(posted).toMatchObject({ ok: true, channel: 'D1' });
    expect(s.conversation('U1').map((m) => m.text)).toEqual(['hello']);
    expect(await call('chat.postMessage', { channel: 'U404', text: 'hello' })).toEqual({ ok: false, error: 'channel_not_found' });
  });
});

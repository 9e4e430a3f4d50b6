import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { SlackStandIn } from '../../src/demo/stand-ins/slack-web.js';
import { slackUsers } from '../../src/slack/users.js';

const TOKEN = 'xoxb-locale';
const running: SlackStandIn[] = [];
afterEach(async () => void (await Promise.all(running.splice(0).map((s) => s.close()))));

/** The demo's Slack stand-in with people in several languages, and a call as the Node SDK makes it. */
async function standIn() {
  const s = new SlackStandIn({
    token: TOKEN,
    people: {
      UDE: { name: 'Greta', email: 'greta@acme.io', tz: 'Europe/Berlin', locale: 'de-DE' },
      UPT: { name: 'João', email: 'joao@acme.io', tz: 'America/Sao_Paulo', locale: 'pt-BR' },
      UJA: { name: 'Haruto', email: 'haruto@acme.io', tz: 'Asia/Tokyo', locale: 'ja-JP' },
      UEN: { name: 'Priya', email: 'priya@acme.io', tz: 'Europe/London' },
    },
  });
  running.push(s);
  const url = await s.listen();
  const call = async (args: Record<string, string>, json = false) =>
    (await (
      await fetch(`${url}/api/users.info`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
        body: json ? JSON.stringify({ ...args, include_locale: args.include_locale === 'true' }) : new URLSearchParams(args),
      })
    ).json()) as { ok: boolean; user?: Record<string, unknown>; error?: string };
  return { s, url, call };
}

describe('the Slack stand-in: users.info and include_locale', () => {
  it('answers `locale` only when asked (include_locale), as Slack does; "en-US" for a person without one', async () => {
    const { call } = await standIn();
    expect((await call({ user: 'UDE' })).user).not.toHaveProperty('locale');
    expect((await call({ user: 'UDE', include_locale: 'false' })).user).not.toHaveProperty('locale');
    expect((await call({ user: 'UDE', include_locale: 'true' })).user).toMatchObject({ id: 'UDE', locale: 'de-DE' });
    expect((await call({ user: 'UDE', include_locale: '1' })).user).toMatchObject({ locale: 'de-DE' });
    expect((await call({ user: 'UDE', include_locale: 'true' }, true)).user).toMatchObject({ locale: 'de-DE' });
    expect((await call({ user: 'UEN', include_locale: 'true' })).user).toMatchObject({ locale: 'en-US' });
    expect(await call({ user: 'UXX', include_locale: 'true' })).toEqual({ ok: false, error: 'user_not_found' });
  });
});

describe('slackUsers: a person’s language', () => {
  const users = (url: string) => slackUsers(new WebClient(TOKEN, { slackApiUrl: `${url}/api/`, retryConfig: { retries: 0 } }));

  it('is the language of their Slack locale, asked with include_locale; English for one Centric does not speak', async () => {
    const { url, s } = await standIn();
    const u = users(url);
    expect(await u.locale('UDE')).toBe('de');
    expect(await u.locale('UPT')).toBe('pt');
    expect(await u.locale('UJA')).toBe('en');
    expect(await u.locale('UEN')).toBe('en');
    // The same users.info answers the timezone and the language: one call per person.
    expect(await u.timezone('UDE')).toBe('Europe/Berlin');
    const infos = s.requests.filter((r) => r.path === '/api/users.info');
    expect(infos).toHaveLength(4);
    expect(infos.every((r) => new URLSearchParams(r.body).get('include_locale') === 'true')).toBe(true);
  });

  it('rejects, like the timezone, when users.info fails: never a silent English', async () => {
    const { url } = await standIn();
    const u = users(url);
    await expect(u.locale('UXX')).rejects.toMatchObject({ data: { error: 'user_not_found' }, failure: { kind: 'recipient', code: 'user_not_found' } });
    await expect(u.timezone('UXX')).rejects.toMatchObject({ failure: { kind: 'recipient' } });
  });

  it('tells a person whose link moved, or was removed, in their language', async () => {
    const { url, s } = await standIn();
    const u = users(url);
    await u.linkMoved('UDE', { account: 'acc-1', to: 'UEN', by: 'email' });
    await u.linkRemoved('UPT', { account: 'acc-2', by: 'UEN' });
    expect(s.conversation('UDE').map((m) => m.text)).toEqual([
      'Dein Slack-Konto ist nicht mehr mit dem Jira-Konto acc-1 verknüpft: <@UEN> hat es verknüpft, belegt durch die eigene bestätigte Slack-E-Mail. Falls das nicht stimmt, sag einem Centric-Admin Bescheid; mit `/centric link` verknüpfst du dein eigenes Konto wieder.',
    ]);
    expect(s.conversation('UPT').map((m) => m.text)).toEqual([
      '<@UEN> removeu o vínculo entre seu usuário do Slack e a conta do Jira acc-2: o Centric não mostra tickets nem envia lembretes para você até que um admin do Centric vincule você de novo.',
    ]);
  });
});

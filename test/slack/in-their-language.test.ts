import type { App } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDigest } from '../../src/core/digest.js';
import type { Command } from '../../src/core/slash-command.js';
import { SlackStandIn } from '../../src/demo/stand-ins/slack-web.js';
import type { HomeData } from '../../src/flows/app-home.js';
import type { FixPrefill } from '../../src/flows/fix-ticket.js';
import type { NudgeItem, OutcomeQuestion } from '../../src/flows/ports.js';
import type { CommandResult } from '../../src/flows/slash-commands.js';
import { channelPoster, outcomeAsker, slackDm, type SlackChat } from '../../src/slack/dm.js';
import { slackLanguages } from '../../src/slack/languages.js';
import { registerListeners, type ListenerDeps } from '../../src/slack/listeners/index.js';
import { LOCALE_WAIT_MS, personLocale } from '../../src/slack/listeners/shared/locale.js';
import { slackUsers } from '../../src/slack/users.js';
import type { SlackMessage, SlackView } from '../../src/slack/views/limits.js';
import { capturedLogger } from '../helpers/quiet.js';
import { CONVERSION } from '../helpers/stored-reviews.js';

const TOKEN = 'xoxb-languages';
/** One person per language Centric speaks, each with their Slack set to it (and one Centric does not speak). */
const PEOPLE = {
  UDE: 'de-DE',
  UEN: 'en-GB',
  UES: 'es-ES',
  UFR: 'fr-FR',
  UIT: 'it-IT',
  UNL: 'nl-NL',
  UPT: 'pt-BR',
  UJA: 'ja-JP',
} as const;

let slack: SlackStandIn;
let users: ReturnType<typeof slackUsers>;
beforeAll(async () => {
  slack = new SlackStandIn({ token: TOKEN, people: Object.fromEntries(Object.entries(PEOPLE).map(([id, locale]) => [id, { name: id, email: `${id}@acme.io`, tz: 'Europe/Berlin', locale }])) });
  const url = await slack.listen();
  users = slackUsers(new WebClient(TOKEN, { slackApiUrl: `${url}/api/`, retryConfig: { retries: 0 } }));
});
afterAll(async () => slack.close());

const browse = (key: string) => `https://acme.atlassian.net/browse/${key}`;
const textsOf = (blocks: Array<Record<string, any>>): string[] =>
  blocks.flatMap((b) => [b.text?.text, b.label?.text, b.hint?.text, b.element?.placeholder?.text, b.accessory?.text?.text, b.accessory?.placeholder?.text, ...(b.elements ?? []).map((e: any) => e.text?.text ?? e.text)].filter((t): t is string => typeof t === 'string'));

/** The listeners on a stand-in Bolt app: each handler by what it listens to, run as Bolt would run it. */
function listeners(overrides: Partial<ListenerDeps> = {}) {
  const handlers = new Map<string, (args: any) => Promise<void>>();
  const on = (kind: string) => (id: string, handler: (args: any) => Promise<void>) => void handlers.set(`${kind}:${id}`, handler);
  const app = { command: on('command'), action: on('action'), view: on('view'), event: on('event') } as unknown as App;
  const log = capturedLogger();
  const results = new Map<Command['name'], (c: Command) => CommandResult>();
  const home: HomeData = { linked: true, failing: [], mine: { thisWeek: null, lastWeek: null }, team: { thisWeek: null, lastWeek: null }, mutedUntil: null, workingHours: '09:00-18:00', digestMention: false, outcomes: [] };
  const deps: ListenerDeps = {
    logger: log.logger,
    browse,
    runCommand: async (_ctx, command) => (results.get(command.name) ?? ((): CommandResult => ({ kind: 'help' })))(command),
    tickets: { snooze: async () => ({ days: 7 }), notAStory: async () => ({ label: 'centric-not-a-story' }) },
    fix: { prefill: async () => ({ kind: 'gone' }), personas: () => [], validate: () => ({}), apply: async (key) => ({ status: 'updated', key, score: 90 }) as never },
    home: { data: async () => home, mute: async () => undefined, unmute: async () => undefined, workingHours: async () => undefined, digestMention: async () => undefined },
    outcomes: { open: async () => ({ status: 'gone' }) as never, answer: async () => ({ status: 'recorded' }) as never },
    revoked: () => undefined,
    locale: (userId) => users.locale(userId),
    ...overrides,
  };
  registerListeners(app, deps);
  const calls: Array<{ method: string; args: Record<string, any> }> = [];
  const record = (method: string) => async (args: Record<string, any>) => (calls.push({ method, args }), { ok: true, view: { id: 'V1' }, channel: 'D1', ts: '1.1' });
  const client = { views: { open: record('views.open'), update: record('views.update'), publish: record('views.publish') }, chat: { postMessage: record('chat.postMessage') } };
  /** /centric as Slack sends it: resolves to the ack's answer and what was sent to response_url. */
  const slash = async (text: string, user: string) => {
    const acked: unknown[] = [];
    const responded: SlackMessage[] = [];
    await handlers.get('command:/centric')!({ command: { text, user_id: user, channel_id: 'C1' }, ack: async (m?: unknown) => void acked.push(m), respond: async (m: SlackMessage) => void responded.push(m) });
    return { ack: acked[0] as SlackMessage | undefined, reply: responded[0] };
  };
  const click = (actionId: string, user: string, value: string) =>
    handlers.get(`action:${actionId}`)!({ ack: async () => undefined, body: { user: { id: user, name: user }, trigger_id: '1.2', response_url: undefined, container: { type: 'message' } }, action: { value }, client, respond: undefined });
  const openHome = (user: string) => handlers.get('event:app_home_opened')!({ event: { tab: 'home', user }, client });
  const submitFix = (user: string, key: string) =>
    handlers.get('view:fix_ticket_modal')!({ ack: async () => undefined, view: { private_metadata: JSON.stringify({ key, ticketHasMetric: true }), state: { values: {} } }, body: { user: { id: user, name: user } }, client });
  return { slash, click, openHome, submitFix, calls, results, home, deps, lines: log.lines };
}

describe('/centric help, in the person’s Slack language', () => {
  it('a German (de-DE) user gets the whole help in German, in the ack', async () => {
    const { slash } = listeners();
    const { ack } = await slash('help', 'UDE');
    expect(ack!.response_type).toBe('ephemeral');
    expect(ack!.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Centric: Tickets, die vom Kunden her gedacht sind' } });
    expect(ack!.text.split('\n')).toEqual([
      '/centric-Befehle:',
      '`/centric check SHOP-123`  Punktzahl und Befunde eines Tickets, mit Buttons zum Öffnen oder Verbessern',
      '`/centric template [persona]`  eine Story-Vorlage mit Kennzahl und Visuals, zum Kopieren ins Ticket',
      '`/centric mine`  deine offenen Tickets, die durchfallen, die schwächsten zuerst',
      '`/centric digest [SHOP]`  den wöchentlichen Überblick zur Kundenorientierung jetzt ansehen',
      '`/centric outcomes SHOP`  Haben ausgelieferte Storys ihre Kennzahl erreicht? Überfällige und offene Ergebnisprüfungen eines Projekts, die letzten Antworten und die Trefferquote',
      '`/centric rank SHOP`  fürs Priorisierungsmeeting: die offenen Storys eines Projekts nach Kundennutzen ÷ Aufwand, mit der Formel dazu',
      '`/centric subscribe SHOP #channel monday 09:00`  den Wochenüberblick eines Projekts (JQL: nur Admins) in einen Channel posten',
      '`/centric unsubscribe SHOP #channel`  ein Abo des Wochenüberblicks beenden',
      '`/centric subscriptions`  die Abos des Wochenüberblicks in diesem Channel',
      '`/centric link`  dein Slack-Konto über deine bestätigte E-Mail mit deinem Jira-Konto verknüpfen',
      '`/centric link SHOP-123`  oder über einen Einmalcode, den du aus Jira in dieses Ticket kommentierst (danach `link done`)',
      '`/centric unlink`  die Verknüpfung lösen (Admins: `unlink @jemand`, `link @jemand <Konto-ID>`)',
      '`/centric mute [days]`  eine Weile keine Erinnerungen (standardmäßig 7 Tage)',
      '`/centric unmute`  Erinnerungen wieder einschalten',
      '`/centric help`  diese Liste',
    ]);
  });

  it('every other language has its own header; English stays as it was, and so does a language Centric does not speak', async () => {
    const { slash } = listeners();
    const header = async (user: string) => (await slash('help', user)).ack!.blocks[0]!.text.text;
    expect(await header('UES')).toBe('Centric: tickets pensados desde el cliente');
    expect(await header('UFR')).toBe('Centric\u00a0: des tickets pensés pour le client');
    expect(await header('UIT')).toBe('Centric: ticket pensati per il cliente');
    expect(await header('UNL')).toBe('Centric: tickets die vanuit de klant denken');
    expect(await header('UPT')).toBe('Centric: tickets pensados a partir do cliente');
    expect(await header('UEN')).toBe('Centric: keep tickets customer-centric');
    expect(await header('UJA')).toBe('Centric: keep tickets customer-centric');
  });

  it('does not hold the ack for a language Slack is slow to tell: English then, and the log says so', async () => {
    const log = capturedLogger();
    const never = new Promise<never>(() => undefined);
    expect(await personLocale({ logger: log.logger, locale: () => never }, 'USLOW', 0)).toBe('en');
    expect(log.lines().some((l) => l.includes('took too long') && l.includes('USLOW'))).toBe(true);
    expect(await personLocale({ logger: log.logger, locale: async () => 'nl' }, 'UNL')).toBe('nl');
  });

  it('bounds every wait for the language, not only the acks: a users.info that hangs holds no answer back', async () => {
    vi.useFakeTimers();
    try {
      const log = capturedLogger();
      const answer = personLocale({ logger: log.logger, locale: () => new Promise<never>(() => undefined) }, 'UHANG');
      await vi.advanceTimersByTimeAsync(LOCALE_WAIT_MS);
      expect(await answer).toBe('en');
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers in English, and logs why, when Slack cannot say who the person is', async () => {
    const { slash, lines } = listeners();
    expect((await slash('help', 'UGONE')).ack!.blocks[0]!.text.text).toBe('Centric: keep tickets customer-centric');
    expect(lines().some((l) => l.includes("could not read the person's Slack locale") && l.includes('UGONE'))).toBe(true);
  });
});

describe('command replies with a count', () => {
  it('say "1 Tag" and "7 Tage" to a German user, "1 day" and "7 days" to an English one', async () => {
    const { slash, results } = listeners();
    results.set('mute', (c) => ({ kind: 'muted', days: (c as Extract<Command, { name: 'mute' }>).days }));
    expect((await slash('mute 1', 'UDE')).reply!.text).toBe('Stumm für 1 Tag: Bis dahin keine Erinnerungen. Mit `/centric unmute` beendest du das früher.');
    expect((await slash('mute 7', 'UDE')).reply!.text).toBe('Stumm für 7 Tage: Bis dahin keine Erinnerungen. Mit `/centric unmute` beendest du das früher.');
    expect((await slash('mute 1', 'UEN')).reply!.text).toBe('Muted for 1 day: no nudges until then. `/centric unmute` ends it early.');
    expect((await slash('mute 7', 'UES')).reply!.text).toBe('Silenciado durante 7 días: no habrá recordatorios hasta entonces. `/centric unmute` lo termina antes.');
    expect((await slash('mute 1', 'UFR')).reply!.text).toBe('En pause pendant 1 jour\u00a0: aucune relance d’ici là. `/centric unmute` y met fin plus tôt.');
  });

  it('/centric mine: "Eines deiner Tickets fällt durch", "2 deiner Tickets fallen durch"; English fixed from "1 of your tickets fail"', async () => {
    const { slash, results } = listeners();
    const ticket = (n: number) => ({ key: `SHOP-${n}`, score: 40 + n, summary: `Checkout ${n}` });
    results.set('mine', () => ({ kind: 'mine', tickets: [ticket(1)] }));
    const one = (await slash('mine', 'UDE')).reply!;
    expect(one.text).toBe('Eines deiner Tickets fällt durch');
    expect(textsOf(one.blocks)).toEqual(['Deine Tickets, die durchfallen (1)', '<https://acme.atlassian.net/browse/SHOP-1|SHOP-1> · 41/100\nCheckout 1', 'In Jira öffnen']);
    expect((await slash('mine', 'UEN')).reply!.text).toBe('1 of your tickets fails');
    results.set('mine', () => ({ kind: 'mine', tickets: [ticket(1), ticket(2)] }));
    expect((await slash('mine', 'UDE')).reply!.text).toBe('2 deiner Tickets fallen durch');
    expect((await slash('mine', 'UEN')).reply!.text).toBe('2 of your tickets fail');
    expect((await slash('mine', 'UIT')).reply!.text).toBe('2 dei tuoi ticket non passano');
  });

  it('a subscription names the weekday in the person’s language', async () => {
    const { slash, results } = listeners();
    results.set('subscribe', () => ({ kind: 'subscribed', updated: false, channel: 'C9', scope: { type: 'project', value: 'SHOP' }, schedule: { weekday: 1, time: '09:00' }, timezone: 'Europe/Berlin' }) as CommandResult);
    expect((await slash('subscribe SHOP #product monday 09:00', 'UDE')).reply!.text).toBe(
      'Abonniert: <#C9> bekommt den Überblick zur Kundenorientierung für SHOP jeden Montag um 09:00 (Europe/Berlin). Alle in <#C9> sehen, was er zeigt: Zusammenfassungen, Personas und Punktzahlen dieser Tickets.',
    );
    expect((await slash('subscribe SHOP #product monday 09:00', 'UEN')).reply!.text).toBe(
      'Subscribed: <#C9> gets the customer-centricity digest of SHOP every Monday at 09:00 (Europe/Berlin). Everyone in <#C9> will see what it shows: the summaries, personas and scores of those tickets.',
    );
  });
});

describe('App Home, in the person’s language', () => {
  it('is German for a German user: scores, tickets, settings and every button', async () => {
    const t = listeners();
    Object.assign(t.home, {
      failing: [{ key: 'SHOP-7', score: 35, summary: 'Rezepte <teilen> & speichern' }],
      mine: { thisWeek: 60, lastWeek: 52 },
      team: { thisWeek: 55, lastWeek: null },
      mutedUntil: Date.UTC(2025, 2, 1),
      digestMention: true,
    });
    await t.openHome('UDE');
    const published = t.calls.find((c) => c.method === 'views.publish')!;
    expect(published.args.user_id).toBe('UDE');
    const view = published.args.view as SlackView;
    expect(textsOf(view.blocks)).toEqual([
      'Centric',
      '*Deine Punktzahl:* 60/100 diese Woche ▲ 8 (letzte Woche 52)\n*Punktzahl deines Teams:* 55/100 diese Woche',
      'Deine Tickets, denen der Kunde fehlt (1)',
      '<https://acme.atlassian.net/browse/SHOP-7|SHOP-7> · 35/100\nRezepte &lt;teilen&gt; &amp; speichern',
      'Verbessern',
      'Einstellungen',
      'Erinnerungen sind bis 01.03.2025 stummgeschaltet.',
      'Wieder einschalten',
      'Erinnerungen kommen werktags zwischen 09:00 und 18:00 Uhr, in deiner Slack-Zeitzone.',
      'Arbeitszeiten',
      'Wochenüberblicke erwähnen dich neben deinen Tickets, die Aufmerksamkeit brauchen.',
      'Nicht mehr erwähnen',
    ]);
  });

  it('keeps English exactly as it was (the ISO date included); spot checks the others', async () => {
    const t = listeners();
    Object.assign(t.home, { linked: false, mutedUntil: Date.UTC(2025, 2, 1) });
    const texts = async (user: string) => {
      t.calls.length = 0;
      await t.openHome(user);
      return textsOf(t.calls[0]!.args.view.blocks as Array<Record<string, any>>);
    };
    expect(await texts('UEN')).toEqual(expect.arrayContaining(['Centric does not know your Jira account yet: type `/centric link` in any channel.', 'Nudges are muted until 2025-03-01.', 'Settings']));
    expect(await texts('UES')).toEqual(expect.arrayContaining(['Centric aún no conoce tu cuenta de Jira: escribe `/centric link` en cualquier canal.', 'Ajustes']));
    expect(await texts('UFR')).toEqual(expect.arrayContaining(['Les relances sont en pause jusqu’au 1 mars 2025.', 'Réglages']));
    expect(await texts('UNL')).toEqual(expect.arrayContaining(['Centric kent je Jira-account nog niet: typ `/centric link` in een willekeurig kanaal.', 'Instellingen']));
    expect(await texts('UPT')).toEqual(expect.arrayContaining(['Configurações', 'Reativar']));
  });
});

describe('the nudge DM, in the recipient’s language', () => {
  const items: NudgeItem[] = [
    { key: 'SHOP-1', summary: 'Checkout <schneller>', score: 40, fixed: false, findings: [{ rule: 'specific-persona', severity: 'error', message: 'Für wen ist das?', hint: 'Nenne eine konkrete Persona.', link: 'https://github.com/acme/centric#specific-persona' }] },
  ];
  const chat = () => {
    const sent: Array<{ how: string; to: string; message: SlackMessage }> = [];
    const fake: Pick<SlackChat, 'dm' | 'update'> = {
      dm: async (to, message) => (sent.push({ how: 'dm', to, message }), { channel: `D-${to}`, ts: '1.1' }),
      update: async (channel, _ts, message) => void sent.push({ how: 'update', to: channel, message }),
    };
    return { fake, sent };
  };
  const config = { projects: { SHOP: { language: 'fr' } } } as never;

  it('is German for a German user: headline, the finding as it came, and every button', async () => {
    const { fake, sent } = chat();
    await slackDm(fake, browse, slackLanguages(users, config)).postNudge('UDE', items);
    const { message } = sent[0]!;
    expect(message.text).toBe('Eines deiner Tickets braucht einen Kunden: SHOP-1');
    expect(textsOf(message.blocks)).toEqual([
      ':wave: Eines deiner Tickets braucht einen Kunden: Mit ein paar Worten wird allen klar, für wen sie bauen.',
      '<https://acme.atlassian.net/browse/SHOP-1|SHOP-1> · 40/100 · Checkout &lt;schneller&gt;\n:x: Für wen ist das? <https://github.com/acme/centric#specific-persona|Warum das zählt>\n_So geht’s: Nenne eine konkrete Persona._',
      'In Jira öffnen',
      'Verbessern',
      'Eine Woche pausieren',
      'Keine Story',
    ]);
  });

  it('is updated in its recipient’s language, after a restart too; unnamed, in the language it was sent in, else its project’s', async () => {
    const { fake, sent } = chat();
    const dm = slackDm(fake, browse, slackLanguages(users, config));
    await dm.postNudge('UDE', items);
    await dm.updateNudge('D-UDE', '1.1', [{ ...items[0]!, fixed: true }]);
    expect(sent[1]!.message.text).toBe('Verbessert, danke! Jedes Ticket in dieser Nachricht ist jetzt kundenorientiert.');
    // A restart: nothing remembered, the recipient named (their Slack locale, cached users.info).
    const restarted = slackDm(fake, browse, slackLanguages(users, config));
    const updateFor = restarted.updateNudge as (channel: string, ts: string, items: NudgeItem[], userId?: string) => Promise<void>;
    await updateFor('D-UDE', '1.1', [{ ...items[0]!, fixed: true }], 'UDE');
    expect(sent[2]!.message.text).toBe('Verbessert, danke! Jedes Ticket in dieser Nachricht ist jetzt kundenorientiert.');
    await slackDm(fake, browse, slackLanguages(users, config)).updateNudge('D-UDE', '1.1', [{ ...items[0]!, fixed: true }]);
    expect(sent[3]!.message.text).toBe('Amélioré, merci\u202f! Tous les tickets de ce message sont maintenant centrés sur le client.');
  });

  it('counts in each language, and is not sent when Slack cannot say who the recipient is', async () => {
    const { fake, sent } = chat();
    const dm = slackDm(fake, browse, slackLanguages(users, config));
    const two = [...items, { ...items[0]!, key: 'SHOP-2' }];
    for (const user of ['UEN', 'UES', 'UIT', 'UNL', 'UPT']) await dm.postNudge(user, two);
    expect(sent.map((s) => s.message.text)).toEqual([
      '2 of your tickets need a customer: SHOP-1, SHOP-2',
      '2 de tus tickets necesitan un cliente: SHOP-1, SHOP-2',
      '2 dei tuoi ticket hanno bisogno di un cliente: SHOP-1, SHOP-2',
      '2 van je tickets hebben een klant nodig: SHOP-1, SHOP-2',
      '2 dos seus tickets precisam de um cliente: SHOP-1, SHOP-2',
    ]);
    await expect(dm.postNudge('UGONE', items)).rejects.toMatchObject({ failure: { kind: 'recipient', code: 'user_not_found' } });
    expect(sent).toHaveLength(5);
  });
});

describe('the Fix-it modal, in the person’s language', () => {
  const prefill: FixPrefill = { key: 'SHOP-1', role: '', goal: 'schneller bezahlen', benefit: '', metric: '', visualsUrl: '' };

  it('opens "loading" and then the form in German for a German user', async () => {
    const t = listeners({ fix: { prefill: async () => ({ kind: 'ready', prefill }), personas: () => [], validate: () => ({}), apply: async () => ({ status: 'gone', key: 'SHOP-1' }) as never } });
    await t.click('fix_ticket', 'UDE', 'SHOP-1');
    const [opened, updated] = t.calls;
    expect(opened!.method).toBe('views.open');
    expect(opened!.args.view).toMatchObject({ title: { text: 'SHOP-1 verbessern' }, close: { text: 'Schließen' } });
    expect(textsOf(opened!.args.view.blocks)).toEqual(['Lese SHOP-1 aus Jira…']);
    const view = updated!.args.view as SlackView;
    expect(view).toMatchObject({ title: { text: 'SHOP-1 verbessern' }, submit: { text: 'Ticket aktualisieren' }, close: { text: 'Abbrechen' } });
    expect(textsOf(view.blocks)).toEqual([
      'Beschreib in *SHOP-1*, für wen es ist, was die Person will, warum, und woran du den Erfolg erkennst. Nur der Story-Teil der Beschreibung ändert sich; alles andere bleibt, auch die Anhänge.',
      'Als…',
      'Für wen genau ist es?',
      'z. B. Erstkäuferin am Handy',
      'möchte ich…',
      'Was will die Person tun?',
      'damit…',
      'Was bringt es der Person?',
      'Erfolg',
      'Eine Kundenkennzahl mit Ziel, z. B. Checkout-Conversion +3 % innerhalb von 6 Wochen',
      'Link zu Design oder Aufnahme',
      'z. B. Figma, Miro, Loom…',
    ]);
  });

  it('spot checks: French, Portuguese and English titles and buttons; a refusal in the person’s language', async () => {
    const t = listeners({ fix: { prefill: async () => ({ kind: 'ready', prefill }), personas: () => ['Nurse'], validate: () => ({}), apply: async () => ({ status: 'gone', key: 'SHOP-1' }) as never } });
    const modal = async (user: string) => {
      t.calls.length = 0;
      await t.click('fix_ticket', user, 'SHOP-1');
      const view = t.calls[1]!.args.view as SlackView;
      return [view.title.text, view.submit.text, view.close.text, view.blocks[1].element.placeholder.text];
    };
    expect(await modal('UFR')).toEqual(['Améliorer SHOP-1', 'Mettre à jour le ticket', 'Annuler', 'Choisissez une persona']);
    expect(await modal('UPT')).toEqual(['Melhorar SHOP-1', 'Atualizar ticket', 'Cancelar', 'Escolha uma persona']);
    expect(await modal('UEN')).toEqual(['Fix SHOP-1', 'Update ticket', 'Cancel', 'Choose a persona']);
    const refused = listeners({ fix: { prefill: async () => ({ kind: 'not-linked' }), personas: () => [], validate: () => ({}), apply: async () => ({}) as never } });
    await refused.click('fix_ticket', 'UDE', 'SHOP-1');
    expect(textsOf(refused.calls[1]!.args.view.blocks)[0]).toMatch(/^Verknüpf zuerst dein Jira-Konto: Centric zeigt und ändert nur, was dein eigenes Jira-Konto darf\. Tipp `\/centric link SHOP-123`/);
  });

  it('tells how it went by DM, in German', async () => {
    const t = listeners();
    await t.submitFix('UDE', 'SHOP-1');
    expect(t.calls.map((c) => [c.method, c.args.channel, c.args.text])).toEqual([['chat.postMessage', 'UDE', 'SHOP-1 aus Slack aktualisiert: Es kommt jetzt auf 90/100.']]);
  });
});

describe('the nudge’s buttons', () => {
  it('answer a German user in German', async () => {
    const t = listeners();
    await t.click('snooze_ticket', 'UDE', 'SHOP-1');
    await t.click('not_a_story', 'UDE', 'SHOP-1');
    expect(t.calls.map((c) => c.args.text)).toEqual([
      'SHOP-1 pausiert für 7 Tage: Bis dahin keine Erinnerung dazu, und zu denselben Befunden nie wieder.',
      'SHOP-1 ist als „keine Story“ markiert (Label centric-not-a-story): Centric lässt das Ticket ab jetzt in Ruhe.',
    ]);
  });
});

describe('the digest in a channel', () => {
  it('speaks the project’s `language:` (one ticket: "1 Ticket"), English without one; a JQL digest in English', async () => {
    const end = Date.parse('2026-11-23T08:00:00Z');
    const digest = buildDigest({ end, periodMs: 7 * 86_400_000, history: [{ key: 'SHOP-1', score: 70, lintedAt: end - 3_600_000, role: 'night nurse', failedRules: [] }], facts: [], isGenericRole: () => false, readyStatuses: [] });
    const posts: SlackMessage[] = [];
    const chat = { post: async (_c: string, m: SlackMessage) => void posts.push(m), dm: async () => ({ channel: 'D', ts: '1' }), join: async () => undefined, upload: async () => undefined };
    const poster = channelPoster(chat, browse, slackLanguages(users, { projects: { SHOP: { language: 'de' } } } as never));
    await poster.postDigest('C1', { title: 'SHOP', digest, late: false });
    await poster.postDigest('C1', { title: 'WEB', digest, late: false });
    await poster.postDigest('C1', { title: '"project = SHOP"', digest, late: false });
    expect(posts.map((p) => p.text.split('\n')[0])).toEqual([
      'Kundenorientierung von SHOP: 70/100 über 1 Ticket',
      'Customer-centricity of WEB: 70/100 over 1 ticket',
      'Customer-centricity of "project = SHOP": 70/100 over 1 ticket',
    ]);
    // German writes a percentage with a (non-breaking) space.
    expect(posts[0]!.text.split('\n')[1]).toBe('Für wen ist es? (eine konkrete Persona): 100\u00a0%');
    expect(posts[0]!.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Wochenüberblick: SHOP' } });
  });
});

describe('outcome questions', () => {
  const SHIPPED = Date.parse('2026-11-03T10:00:00Z');
  const question: OutcomeQuestion = { reviewId: 7, key: 'SHOP-12', summary: 'Schneller bezahlen', promise: CONVERSION, shippedAt: SHIPPED, offerTooEarly: true, state: { kind: 'open' } };
  const chat = () => {
    const sent: Array<{ to: string; message: SlackMessage }> = [];
    const fake: Pick<SlackChat, 'dm' | 'update' | 'reply'> = {
      dm: async (to, message) => (sent.push({ to, message }), { channel: to.startsWith('U') ? `D-${to}` : to, ts: '1.1' }),
      update: async (to, _ts, message) => void sent.push({ to, message }),
      reply: async (to, _ts, message) => void sent.push({ to, message }),
    };
    return { fake, sent };
  };

  it('ask a German user in German (the metric and timeframe as the ticket states them, the words around the numbers German), and a channel in its project’s language', async () => {
    const { fake, sent } = chat();
    const asker = outcomeAsker(fake, browse, slackLanguages(users, { projects: { SHOP: { language: 'it' } } } as never));
    await asker.ask('UDE', question);
    await asker.update('D-UDE', '1.1', { ...question, state: { kind: 'later', until: SHIPPED, by: 'UDE' } });
    await asker.ask('C1', question);
    expect(sent[0]!.message.blocks[0]!.text.text).toBe(
      ':dart: <https://acme.atlassian.net/browse/SHOP-12|SHOP-12> ist am <!date^1793700000^{date_short}|2026-11-03> live gegangen, mit dem Ziel *checkout conversion von 2,1% auf 2,6% within 6 weeks*. Wurde es erreicht?',
    );
    expect(textsOf(sent[0]!.message.blocks).slice(-4)).toEqual(['Ziel erreicht', 'Verfehlt', 'Zu früh', 'Nicht gemessen']);
    expect(sent[1]!.message.blocks[0]!.text.text).toBe(':hourglass_flowing_sand: <https://acme.atlassian.net/browse/SHOP-12|SHOP-12>: Noch zu früh, um das zu sagen. Centric fragt am <!date^1793700000^{date_short}|2026-11-03> wieder.');
    expect(sent[2]!.message.text).toBe('SHOP-12 è stato rilasciato con l’obiettivo checkout conversion da 2,1% a 2,6% within 6 weeks. È stato raggiunto?');
  });

  it('remind and update in the asked person’s language after a restart too, when the caller names them', async () => {
    const { fake, sent } = chat();
    const restarted = outcomeAsker(fake, browse, slackLanguages(users, { projects: { SHOP: { language: 'it' } } } as never));
    type Named = (channel: string, ts: string, question: OutcomeQuestion, askedOf?: string | null) => Promise<void>;
    await (restarted.remind as Named)('D-UDE', '1.1', question, 'UDE');
    await (restarted.update as Named)('D-UDE', '1.1', { ...question, state: { kind: 'cancelled' } }, 'UDE');
    await (restarted.remind as Named)('D-UDE', '1.1', question);
    expect(sent.map((s) => s.message.text)).toEqual([
      'Erinnerung: Hat SHOP-12 das Ziel „checkout conversion von 2,1% auf 2,6% within 6 weeks“ erreicht? Die Buttons findest du an der Nachricht oben.',
      'SHOP-12: Ergebnis festgehalten',
      // Nobody named and nothing remembered: the project's language, as before.
      'Promemoria: l’obiettivo «checkout conversion da 2,1% a 2,6% within 6 weeks» è stato raggiunto per SHOP-12? I pulsanti sono nel messaggio qui sopra.',
    ]);
  });

  it('open the Target hit form in the person’s language', async () => {
    const t = listeners({ outcomes: { open: async () => ({ status: 'open', question }) as never, answer: async () => ({ status: 'recorded' }) as never } });
    await t.click('outcome_hit', 'UDE', '7');
    expect(textsOf(t.calls[0]!.args.view.blocks)).toEqual(['Lese die Ergebnisfrage…']);
    const view = t.calls[1]!.args.view as SlackView;
    expect(view).toMatchObject({ title: { text: 'Ergebnis von SHOP-12' }, submit: { text: 'Ziel erreicht' }, close: { text: 'Abbrechen' } });
    expect(textsOf(view.blocks)).toEqual([
      ':white_check_mark: Ziel erreicht: *checkout conversion von 2,1% auf 2,6% within 6 weeks*',
      'Gemessener Wert',
      'Wo die Kennzahl jetzt steht, z. B. 2,7 %',
      'z. B. 2,7 %',
      'Notiz',
      'Eine Zeile fürs Ticket: Was habt ihr gelernt?',
    ]);
  });
});

/**
 * Fix it in the person's language: the modal's errors in theirs (the words Centric adds, and the
 * rules' findings), the note in the Jira comment in the comment's.
 */
import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { CentricConfig } from '../../src/core/config-types.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import type { Locale } from '../../src/core/i18n/locales.js';
import type { StoryFix } from '../../src/core/story/rewrite-story.js';
import { applyFix, validateFix } from '../../src/flows/fix-ticket.js';
import { markNotAStory } from '../../src/flows/nudge-actions.js';
import type { FixDeps } from '../../src/flows/fix-ticket.js';
import { registerFixTicketModal } from '../../src/slack/listeners/views/fix-ticket-modal.js';
import { saveLink } from '../../src/store/user-links.js';
import { jiraFakePerTest } from '../helpers/jira-fake.js';
import { capturedLogger } from '../helpers/quiet.js';
import { dataCenterFixDeps } from '../helpers/fix-deps.js';
import { BACKENDS, storePerTest } from '../helpers/stores.js';

const EMPTY: StoryFix = { role: '', goal: '', benefit: '', metric: '', visualsUrl: '' };
const JOB_EMPTY: StoryFix = { ...EMPTY, situation: '' };
const CONFIG = { config: DEFAULT_CONFIG };

describe('the Fix-it modal’s errors, in the person’s language', () => {
  it('German: each empty field says what to write, a link that is not https:// says so', () => {
    expect(validateFix(CONFIG, 'SHOP-1', { ...EMPTY, visualsUrl: 'http://figma.com/x' }, true, 'de')).toEqual({
      role: 'Für wen ist es? Nenn die Persona.',
      goal: 'Was will die Person tun?',
      benefit: 'Was bringt es der Person?',
      visuals: 'Nimm einen https://-Link zum Design oder zur Aufnahme (Figma, Miro, Loom…), ohne Leerzeichen.',
    });
    expect(validateFix(CONFIG, 'SHOP-1', JOB_EMPTY, true, 'de')).toEqual({
      role: 'Wann passiert es? Beschreib den Moment, z. B. „ich am Ende einer Nachtschicht Material nachbestelle“.',
      goal: 'Was willst du in dem Moment tun?',
      benefit: 'Was kannst du dann tun?',
    });
  });

  it('German: the rules’ findings at their fields come in German too, even for a story written in English', () => {
    const errors = validateFix(CONFIG, 'SHOP-1', { role: 'user', goal: 'save my basket', benefit: 'I can pay later', metric: '', visualsUrl: '' }, false, 'de');
    expect(Object.keys(errors).sort()).toEqual(['metric', 'role']);
    expect(errors.role).toMatch(/^„user“ ist eine allgemeine Rolle, keine Persona\. /);
    expect(errors.metric).toMatch(/^Keine Kundenkennzahl: /);
  });

  it('spot check: Spanish; English as it was', () => {
    expect(validateFix(CONFIG, 'SHOP-1', EMPTY, true, 'es')).toEqual({ role: '¿Para quién es? Indica la persona.', goal: '¿Qué quiere hacer esa persona?', benefit: '¿Qué le aporta?' });
    expect(validateFix(CONFIG, 'SHOP-1', EMPTY, true)).toEqual({ role: 'Who is it for? Name the persona.', goal: 'What do they want to do?', benefit: 'What does it get them?' });
    expect(validateFix(CONFIG, 'SHOP-1', EMPTY, true, 'en')).toEqual(validateFix(CONFIG, 'SHOP-1', EMPTY, true));
  });

  it('is what the modal answers a German user, in the ack', async () => {
    const acked = await submitted('de');
    expect(acked).toEqual({ response_action: 'errors', errors: { role: 'Für wen ist es? Nenn die Persona.', goal: 'Was will die Person tun?', benefit: 'Was bringt es der Person?' } });
    expect((await submitted('fr')).errors.goal).toBe('Que veut faire cette personne\u202f?');
  });
});

/** Submits an empty Fix-it modal as a person whose Slack speaks `locale`: what the ack carried. */
async function submitted(locale: Locale): Promise<{ response_action: string; errors: Record<string, string> }> {
  let handler: ((args: unknown) => Promise<void>) | undefined;
  const app = { view: (_id: string, h: typeof handler) => void (handler = h) } as unknown as App;
  const fix = { prefill: async () => ({ kind: 'gone' as const }), personas: () => [], validate: (key: string, values: StoryFix, hasMetric: boolean, l?: Locale) => validateFix(CONFIG, key, values, hasMetric, l), apply: async () => { throw new Error('nothing is written'); } };
  registerFixTicketModal(app, { fix, logger: capturedLogger().logger, locale: async () => locale });
  let acked: unknown;
  await handler!({ ack: async (a: unknown) => void (acked = a), view: { private_metadata: JSON.stringify({ key: 'SHOP-1', ticketHasMetric: true }), state: { values: {} } }, body: { user: { id: 'U1', name: 'priya' } }, client: {} });
  return acked as { response_action: string; errors: Record<string, string> };
}

describe.each(BACKENDS)('the note Fix it leaves in the Jira comment, on $name', (backend) => {
  const store = storePerTest(backend);
  const jira = jiraFakePerTest(2);

  /** Fix it's dependencies, with Slack user U1 linked to Jira account acc-priya. */
  const linkedDeps = async (config: CentricConfig): Promise<FixDeps> => {
    const d = dataCenterFixDeps(store(), config);
    await saveLink(d.store, { slackUserId: 'U1', jiraAccountId: 'acc-priya', by: 'email' }, 0);
    return d;
  };
  const put = (key: string) =>
    jira().put({ key, fields: { summary: 'Basket', description: 'As a user, I want to save my basket.', issuetype: { name: 'Story' }, project: { key: key.split('-')[0] }, labels: [], attachment: [] } } as never);
  const FIX: StoryFix = { role: 'returning shopper', goal: 'save my basket', benefit: 'I can pay on my phone', metric: 'checkout conversion +3% within 6 weeks', visualsUrl: '' };

  it('is German in a project whose `language:` is German, as the rest of the comment; English elsewhere, as before', async () => {
    const config = { ...DEFAULT_CONFIG, projects: { SHOP: { language: 'de' as const } } };
    const d = await linkedDeps(config);
    put('SHOP-1');
    put('BOUT-1');
    expect((await applyFix(d, 'SHOP-1', FIX, { userId: 'U1', name: 'priya' })).status).toBe('updated');
    expect(jira().postedWiki('SHOP-1').split('\n')).toContain('Story von priya über Slack aktualisiert (Slack-Nutzer U1, Jira-Konto acc-priya).');
    expect(jira().postedWiki('SHOP-1').split('\n')[0]).toMatch(/^h3\. Centric: \d+\/100/);
    expect(jira().postedWiki('SHOP-1')).toMatch(/_Centric aktualisiert diesen Kommentar/);
    expect((await applyFix(d, 'BOUT-1', FIX, { userId: 'U1', name: 'priya' })).status).toBe('updated');
    expect(jira().postedWiki('BOUT-1').split('\n')).toContain('Story updated from Slack by priya (Slack user U1, Jira account acc-priya).');
  });

  it('"Not a story" leaves its note in the project’s language', async () => {
    const d = await linkedDeps({ ...DEFAULT_CONFIG, projects: { SHOP: { language: 'de' as const } } });
    put('SHOP-2');
    expect(await markNotAStory(d, { userId: 'U1', name: 'priya' }, 'SHOP-2')).toMatchObject({ key: 'SHOP-2' });
    expect(jira().postedWiki('SHOP-2')).toBe('Von priya über Slack als „keine Story“ markiert (Slack-Nutzer U1, Jira-Konto acc-priya).');
  });
});

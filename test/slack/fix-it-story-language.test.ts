/**
 * Fix it writes the story in the ticket's own language (issue 20 §2, review finding 1): a German
 * story fixed from Slack stays German, is read back as German, and its comment stays German.
 */
import { describe, expect, it } from 'vitest';
import { checkIssue } from '../../src/core/check-issue.js';
import type { CentricConfig } from '../../src/core/config-types.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import type { Locale } from '../../src/core/i18n/locales.js';
import { storySentence, type StoryFix } from '../../src/core/story/rewrite-story.js';
import { applyFix, fixPrefill, validateFix, type FixDeps } from '../../src/flows/fix-ticket.js';
import { markNotAStory } from '../../src/flows/nudge-actions.js';
import { fixMetadata, fixModal, fixValues } from '../../src/slack/views/fix-modal.js';
import { FIX_INPUT, FIX_INPUT_ACTION } from '../../src/slack/ids.js';
import { saveLink } from '../../src/store/user-links.js';
import { jiraFakePerTest } from '../helpers/jira-fake.js';
import { dataCenterFixDeps } from '../helpers/fix-deps.js';
import { BACKENDS, storePerTest } from '../helpers/stores.js';

interface Case {
  language: Locale;
  /** The ticket's story today: a persona that is generic, no metric. */
  story: string;
  /** What the person types into the modal (the persona kept as the ticket spells it). */
  fix: Omit<StoryFix, 'visualsUrl' | 'language'>;
  written: string;
  /** A sentence of the comment Centric posts in that language. */
  comment: RegExp;
}

const CASES: Case[] = [
  {
    language: 'de',
    story: 'Als Stammkundin möchte ich meinen Warenkorb speichern.',
    fix: { role: 'Stammkundin', goal: 'meinen Warenkorb speichern', benefit: 'ich später am Handy bezahlen kann', metric: 'Checkout-Conversion von 2,1 % auf 2,6 % in 6 Wochen' },
    written: 'Als Stammkundin möchte ich meinen Warenkorb speichern, damit ich später am Handy bezahlen kann.\n\nErfolg: Checkout-Conversion von 2,1 % auf 2,6 % in 6 Wochen',
    comment: /_Centric aktualisiert diesen Kommentar/,
  },
  {
    language: 'es',
    story: 'Como clienta habitual, quiero guardar mi carrito.',
    fix: { role: 'clienta habitual', goal: 'guardar mi carrito', benefit: 'pagar más tarde desde el móvil', metric: 'conversión en el checkout del 2,1 % al 2,6 % en 6 semanas' },
    written: 'Como clienta habitual, quiero guardar mi carrito, para pagar más tarde desde el móvil.\n\nÉxito: conversión en el checkout del 2,1 % al 2,6 % en 6 semanas',
    comment: /_Centric actualiza este comentario/,
  },
  {
    language: 'fr',
    story: 'En tant qu’infirmière de nuit, je veux exporter mes plannings.',
    fix: { role: 'infirmière de nuit', goal: 'exporter mes plannings', benefit: 'organiser ma semaine sans ressaisie', metric: 'taux de plannings exportés de 20 % à 60 % en 6 semaines' },
    written: 'En tant qu’infirmière de nuit, je veux exporter mes plannings, afin d’organiser ma semaine sans ressaisie.\n\nRéussite\u00a0: taux de plannings exportés de 20 % à 60 % en 6 semaines',
    comment: /_Centric met à jour ce commentaire/,
  },
];

describe('the story sentence Fix it writes', () => {
  it('English is as it always was, with or without a language', () => {
    const fix: StoryFix = { role: 'returning shopper', goal: 'to save my basket', benefit: 'I can pay later', metric: '', visualsUrl: '' };
    expect(storySentence(fix)).toBe('As a returning shopper, I want to save my basket, so that I can pay later.');
    expect(storySentence({ ...fix, language: 'en' })).toBe(storySentence(fix));
  });

  it.each([
    ['de', 'Wenn ich am Ende einer Nachtschicht Material nachbestelle, möchte ich meine letzte Bestellung wiederholen, damit ich schneller fertig bin.', { situation: 'ich am Ende einer Nachtschicht Material nachbestelle', goal: 'meine letzte Bestellung wiederholen', benefit: 'schneller fertig bin' }],
    ['es', 'Cuando estoy reponiendo material al final de un turno de noche, quiero repetir mi último pedido, para terminar antes.', { situation: 'estoy reponiendo material al final de un turno de noche', goal: 'repetir mi último pedido', benefit: 'terminar antes' }],
    ['fr', 'Lorsque je recommande du matériel en fin de garde, je veux répéter ma dernière commande, afin d’éviter les oublis.', { situation: 'je recommande du matériel en fin de garde', goal: 'répéter ma dernière commande', benefit: 'éviter les oublis' }],
    ['it', 'Quando riordino il materiale a fine turno, voglio ripetere l’ultimo ordine, così da finire prima.', { situation: 'riordino il materiale a fine turno', goal: 'ripetere l’ultimo ordine', benefit: 'finire prima' }],
    ['nl', 'Als ik aan het eind van een nachtdienst materiaal bijbestel, wil ik mijn laatste bestelling herhalen, zodat ik sneller klaar ben.', { situation: 'aan het eind van een nachtdienst materiaal bijbestel', goal: 'mijn laatste bestelling herhalen', benefit: 'sneller klaar ben' }],
    ['pt', 'Quando estou repondo material no fim do plantão, quero repetir meu último pedido, para terminar mais cedo.', { situation: 'estou repondo material no fim do plantão', goal: 'repetir meu último pedido', benefit: 'terminar mais cedo' }],
  ] as const)('%s: a job story in the language’s own words, read back as a job story in it', (language, sentence, parts) => {
    const fix: StoryFix = { role: '', metric: '', visualsUrl: '', ...parts, language };
    expect(storySentence(fix)).toBe(sentence);
    const { report } = checkIssue({ key: 'SHOP-1', fields: { summary: 'x', description: sentence, issuetype: { name: 'Story' } } }, DEFAULT_CONFIG);
    expect(report.story).toMatchObject({ kind: 'job', language });
  });

  it('the modal checks the sentence it will write: a German story with a German success line has no error', () => {
    const fix: StoryFix = { ...CASES[0]!.fix, role: 'Stammkundin', visualsUrl: '', language: 'de' };
    expect(validateFix({ config: DEFAULT_CONFIG }, 'SHOP-1', { ...fix, role: 'Pflegekraft im Nachtdienst' }, false, 'en')).toEqual({});
  });
});

describe.each(BACKENDS)('Fix it on a story in another language, on $name', (backend) => {
  const store = storePerTest(backend);
  const jira = jiraFakePerTest(2);

  /** Fix it's dependencies, with Slack user U1 linked to Jira account acc-priya. */
  const linkedDeps = async (config: CentricConfig): Promise<FixDeps> => {
    const d = dataCenterFixDeps(store(), config);
    await saveLink(d.store, { slackUserId: 'U1', jiraAccountId: 'acc-priya', by: 'email' }, 0);
    return d;
  };
  const putStory = (key: string, summary: string, description: string) =>
    jira().put({ key, fields: { summary, description, issuetype: { name: 'Story' }, project: { key: 'SHOP' }, labels: [], attachment: [] } } as never);
  const written = (key: string): string =>
    String((jira().writes().find((c) => c.method === 'PUT' && c.path === `/rest/api/2/issue/${key}` && (c.body as { fields?: unknown }).fields)?.body as { fields: { description: string } }).fields.description);

  it.each(CASES)('$language: the modal’s story words are the ticket’s, the story is written back in it and read back as it', async ({ language, story, fix, written: expected, comment }) => {
    const d = await linkedDeps(DEFAULT_CONFIG);
    putStory('SHOP-1', 'Warenkorb', story);
    const before = checkIssue({ key: 'SHOP-1', fields: { summary: 'Warenkorb', description: story, issuetype: { name: 'Story' } } }, DEFAULT_CONFIG).report.story;
    expect(before?.language).toBe(language);

    const prefill = await fixPrefill(d, 'U1', 'SHOP-1');
    if (prefill.kind !== 'ready') throw new Error(`no prefill: ${prefill.kind}`);
    expect(prefill.prefill.language).toBe(language);
    expect(prefill.prefill.role).toBe(fix.role);

    // An English-speaking person: the story's labels in the ticket's language, the rest in theirs.
    const view = fixModal(prefill.prefill, [], 'en') as { private_metadata: string; blocks: Array<{ label?: { text: string }; hint?: { text: string } }> };
    const labels = view.blocks.filter((b) => b.label).map((b) => b.label!.text);
    const expectedLabels = { de: ['Als…', 'möchte ich…', 'damit…', 'Erfolg'], es: ['Como…', 'quiero…', 'para que…', 'Éxito'], fr: ['En tant que…', 'je veux…', 'afin de…', 'Réussite'] }[language as 'de' | 'es' | 'fr'];
    expect(labels).toEqual([...expectedLabels, 'Design or recording link']);
    expect(view.blocks.find((b) => b.hint)?.hint?.text).toBe('Who exactly is it for?');
    const metadata = fixMetadata(view);
    expect(metadata.language).toBe(language);

    const state = { [FIX_INPUT.role]: { [FIX_INPUT_ACTION]: { value: fix.role } }, [FIX_INPUT.goal]: { [FIX_INPUT_ACTION]: { value: fix.goal } }, [FIX_INPUT.benefit]: { [FIX_INPUT_ACTION]: { value: fix.benefit } }, [FIX_INPUT.metric]: { [FIX_INPUT_ACTION]: { value: fix.metric } } };
    const values = fixValues(state, 'user', metadata.language);
    expect((await applyFix(d, 'SHOP-1', values, { userId: 'U1', name: 'priya' })).status).toBe('updated');
    expect(written('SHOP-1')).toBe(expected);

    const after = checkIssue({ key: 'SHOP-1', fields: { summary: 'Warenkorb', description: written('SHOP-1'), issuetype: { name: 'Story' } } }, DEFAULT_CONFIG).report;
    expect(after.story).toMatchObject({ language, goal: fix.goal });
    expect((after.findings ?? []).map((f) => f.rule)).not.toContain('customer-metric');
    expect(jira().postedWiki('SHOP-1')).toMatch(comment);
  });

  it('pre-fills a design link written in wiki markup without the markup around it', async () => {
    const d = await linkedDeps(DEFAULT_CONFIG);
    putStory('SHOP-1', 'Ward', 'As a night nurse, I want to see my ward.\n\n[Figma|https://www.figma.com/file/abc]');
    const prefill = await fixPrefill(d, 'U1', 'SHOP-1');
    if (prefill.kind !== 'ready') throw new Error(`no prefill: ${prefill.kind}`);
    expect(prefill.prefill.visualsUrl).toBe('https://www.figma.com/file/abc');
  });

  it('a modal that carried no language (English, or opened before modals carried one) writes what it checked: English, even on a German ticket', async () => {
    const d = await linkedDeps(DEFAULT_CONFIG);
    const german = CASES.find((c) => c.language === 'de')!;
    putStory('SHOP-1', 'Warenkorb', german.story);
    const values = { role: 'night-shift nurse', goal: 'to export my rota', benefit: 'I can plan my week', metric: '', visualsUrl: '' };
    expect((await applyFix(d, 'SHOP-1', values, { userId: 'U1', name: 'priya' })).status).toBe('updated');
    expect(written('SHOP-1')).toContain('As a night-shift nurse, I want to export my rota, so that I can plan my week.');
    expect(written('SHOP-1')).not.toContain('möchte ich');
  });

  it('"Not a story" leaves its note in the language of the ticket’s comments: the story’s, where the project sets none', async () => {
    const d = await linkedDeps(DEFAULT_CONFIG);
    putStory('SHOP-2', 'Warenkorb', CASES[0]!.story);
    expect(await markNotAStory(d, { userId: 'U1', name: 'priya' }, 'SHOP-2')).toMatchObject({ key: 'SHOP-2' });
    expect(jira().postedWiki('SHOP-2')).toBe('Von priya über Slack als „keine Story“ markiert (Slack-Nutzer U1, Jira-Konto acc-priya).');
  });
});

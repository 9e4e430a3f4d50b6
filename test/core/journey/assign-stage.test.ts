import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load.js';
import { toConfigFile } from '../../../src/core/config-schema.js';
import type { CentricConfig } from '../../../src/core/config-types.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { DEFAULT_JOURNEY_STAGES } from '../../../src/core/journey/index.js';
import { configForProject, lintIssue } from '../../../src/core/lint.js';
import { configError } from '../../helpers/config-error.js';
import { issue } from '../../helpers/issues.js';

/** The stage lint() puts a ticket in, or null. */
const stageOf = (description: string, fields: Parameters<typeof issue>[1] = {}, config: CentricConfig = DEFAULT_CONFIG): string | null =>
  lintIssue(issue(description, { summary: 'Ticket', ...fields }), config).journey?.stage ?? null;

const TWO_STAGES = [
  'journey:',
  '  stages:',
  '    - name: Plan',
  '      match: { labels: [trip-planning], components: [Planner], keywords: [itinerary, route] }',
  '      kpis: [itinerary completion rate]',
  '    - name: Travel',
  '      match: { labels: [on-trip], components: [Boarding, Planner], keywords: [boarding pass, gate, route] }',
  '      kpis: [boarding time]',
].join('\n');

describe('the journey stage of a story', () => {
  it('comes from a label the stage names first, whatever the keywords say, case-insensitively', () => {
    const story = 'As a gift buyer, I want to pay by PayPal at checkout, so that I can finish on my phone.';
    expect(stageOf(story)).toBe('Buy');
    expect(stageOf(story, { labels: ['Journey:Receive'] })).toBe('Receive');
  });

  it('comes from a component when no label names a stage; a label beats a component', () => {
    const config = parseConfig(TWO_STAGES, 'centric.yml');
    expect(stageOf('As a commuter, I want my gate shown.', { components: [{ name: 'planner' }] }, config)).toBe('Plan');
    expect(stageOf('As a commuter, I want my gate shown.', { components: [{ name: 'Boarding' }] }, config)).toBe('Travel');
    expect(stageOf('As a commuter, I want my itinerary.', { components: [{ name: 'Boarding' }], labels: ['trip-planning'] }, config)).toBe('Plan');
  });

  it('comes from the keywords in the summary and the story in each of the seven languages', () => {
    expect(stageOf('As a gift buyer, I want to see my parcel on a map, so that I know when the courier arrives.')).toBe('Receive');
    expect(stageOf('Als Stammkundin möchte ich Kundenbewertungen und Produktbilder sehen, damit ich die passende Größe finde.')).toBe('Evaluate');
    expect(stageOf('Como comprador habitual, quiero repetir pedido con un clic y ganar recompensas, para ganar tiempo.')).toBe('Come back');
    expect(stageOf('En tant que cliente, je veux joindre le service client par chat, afin d\'obtenir un remboursement.')).toBe('Get help');
    expect(stageOf('Come cliente, voglio le istruzioni di montaggio e il manuale d\'uso nella scheda, così da usare il mobile subito.')).toBe('Use');
    expect(stageOf('Als shopper wil ik in de zoekresultaten aanbevelingen zien, zodat ik sneller iets vind.')).toBe('Discover');
    expect(stageOf('Como cliente, quero pagar com cartão de crédito, para que eu conclua a compra.')).toBe('Buy');
  });

  it('needs two distinct keywords of the built-in journey; the same word twice, or inside a longer keyword, is one', () => {
    expect(stageOf('As a shopper, I want to pay at checkout.')).toBe('Buy');
    expect(stageOf('As a shopper, I want a faster checkout.')).toBeNull();
    expect(stageOf('As a shopper, I want a faster checkout.', { summary: 'Checkout' })).toBeNull();
    // "Warenkorb*" and "*warenkorb" both match "Warenkorb": one word, one keyword.
    expect(stageOf('Als Kundin möchte ich den Warenkorb speichern, damit ich später im Warenkorb weiterkaufe.')).toBeNull();
    expect(stageOf('Als Kundin möchte ich den Warenkorb speichern und bezahlen, damit ich später weiterkaufe.')).toBe('Buy');
    // "delivery" inside "delivery slot" is no second sign.
    expect(stageOf('As a shopper, I want to see my delivery slot, so that I am home.')).toBeNull();
    // The built-in journey printed by config --print and pasted back (JSON is YAML) is still the built-in one.
    const pasted = parseConfig(JSON.stringify({ journey: toConfigFile(DEFAULT_CONFIG).journey }), 'centric.yml');
    expect(stageOf('As a shopper, I want a faster checkout.', {}, pasted)).toBeNull();
    expect(stageOf('As a shopper, I want to pay at checkout.', {}, pasted)).toBe('Buy');
  });

  it('reads a language\'s keywords only in a story of that language', () => {
    // French "service client" and "remboursement" in an English story; English "checkout" and "PayPal" in a German one.
    expect(stageOf('As a visitor, I want the service client to explain the remboursement, so that I know my rights.')).toBeNull();
    expect(stageOf('Als Kundin möchte ich den Checkout mit PayPal bezahlen, damit es schnell geht.')).toBe('Buy');
    expect(stageOf('Als Kundin möchte ich einen schnelleren checkout und credit card, damit es schnell geht.')).toBeNull();
  });

  it('reads a ticket without a story language by language, in the vocabularies\' order: words of two languages never add up', () => {
    expect(stageOf('Make the checkout button bigger on small screens and show the PayPal button.', { summary: 'Checkout' })).toBe('Buy');
    expect(stageOf('Den Warenkorb und die Kasse auf kleinen Bildschirmen größer zeigen.', { summary: 'Kasse' })).toBe('Buy');
    // One English keyword ("refund") and one French ("colis"): no language has two.
    expect(stageOf('Refund the colis.')).toBeNull();
  });

  it('puts none of the review\'s everyday and technical stories in a stage', () => {
    for (const story of [
      'As a night nurse, I want the app to support dark mode, so that I am not dazzled at 3am.',
      'As a visitor, I want to notice the cookie policy, so that I know my rights.',
      'As a sales rep, I want to import my contact list, so that I can call leads.',
      'As a product manager, I want event tracking on the signup page, so that I can see drop-off.',
      'As a ward nurse, I want to search patients by bed number, so that I find them fast.',
      'As an IT admin, I want to set up SSO and install the agent, so that staff log in once.',
      'As an admin, I want to export the configuration, so that I can back it up.',
      'Als Entwickler möchte ich das npm-Paket aktualisieren, damit die Sicherheitslücke geschlossen wird.',
      'Als Versicherungsnehmer möchte ich meine Prämie online sehen, damit ich planen kann.',
      'Als ontwikkelaar wil ik code reviews en hulp bij de installatie, zodat ik sneller lever.',
      "En tant qu'infirmière, je veux me connecter à l'aide de ma carte, afin de gagner du temps.",
      'Als Pflegekraft möchte ich die Suche und die Hilfe zur Einrichtung, damit ich schneller bin.',
      'Como enfermera, quiero buscar pacientes y ver la ayuda de configuración, para ahorrar tiempo.',
    ]) {
      expect(stageOf(story), story).toBeNull();
    }
  });

  it('gives a team\'s own journey a stage on one keyword, and reads its per-language lists by language', () => {
    const config = parseConfig(['journey:', '  stages:', '    - name: Travel', '      match: { keywords: { en: [gate], de: [Flugsteig] } }', '      kpis: [boarding time]'].join('\n'), 'centric.yml');
    expect(stageOf('As a commuter, I want my gate shown.', {}, config)).toBe('Travel');
    expect(stageOf('Als Pendler möchte ich meinen Flugsteig sehen.', {}, config)).toBe('Travel');
    expect(stageOf('Als Pendler möchte ich mein gate sehen.', {}, config)).toBeNull();
  });

  it('goes to the stage with the most distinct keywords; a tie goes to the stage declared first', () => {
    const config = parseConfig(TWO_STAGES, 'centric.yml');
    expect(stageOf('As a commuter, I want to change my route.', {}, config)).toBe('Plan');
    expect(stageOf('As a commuter, I want the gate on my boarding pass and my route.', {}, config)).toBe('Travel');
    // One keyword each ("route" is in both stages): Plan is declared first.
    expect(stageOf('As a commuter, I want my itinerary at the gate.', {}, config)).toBe('Plan');
    expect(stageOf('As a commuter, I want a faster route.', {}, config)).toBe('Plan');
    expect(stageOf('As a commuter, I want a route with a gate.', {}, config)).toBe('Travel');
  });

  it('reads a story in the summary and the goal, benefit and summary only: the rest of the description says nothing', () => {
    const story = 'As a night nurse, I want to see my next shift, so that I can plan my week.';
    expect(stageOf(`${story}\n\nBackground: the rota page also links to the search of the help centre.`)).toBeNull();
    // Without a story, the summary and the start of the description.
    expect(stageOf('Make the checkout button bigger on small screens; PayPal too.')).toBe('Buy');
  });

  it('is absent when nothing points to a stage, when the journey has no stages, and for a skipped ticket', () => {
    expect(lintIssue(issue('As a night nurse, I want to see my next shift.'), DEFAULT_CONFIG)).not.toHaveProperty('journey');
    const off = parseConfig('journey: { stages: [] }', 'centric.yml');
    expect(lintIssue(issue('As a shopper, I want to pay at checkout.'), off)).not.toHaveProperty('journey');
    expect(lintIssue(issue('Pay at checkout', { issuetype: { name: 'Bug' } }), DEFAULT_CONFIG)).toEqual({ key: 'SHOP-1', skipped: true });
  });

  it('follows a project\'s own journey, and the base one elsewhere', () => {
    const config = parseConfig(['projects:', '  TRIP:', ...TWO_STAGES.split('\n').map((l) => `    ${l}`)].join('\n'), 'centric.yml');
    expect(lintIssue(issue('As a commuter, I want my gate.', {}, 'TRIP-1'), config).journey).toEqual({ stage: 'Travel', kpis: ['boarding time'], metricInStage: null });
    expect(lintIssue(issue('As a commuter, I want to pay at checkout.', {}, 'TRIP-2'), config).journey).toBeUndefined();
    expect(lintIssue(issue('As a commuter, I want to pay at checkout.', {}, 'SHOP-2'), config).journey?.stage).toBe('Buy');
    expect(configForProject(config, 'TRIP').journey.quietPeriods).toBe(4);
  });
});

describe('centric.yml journey', () => {
  it('defaults to the e-commerce journey, shown by config --print', () => {
    expect(DEFAULT_CONFIG.journey.stages.map((s) => s.name)).toEqual(['Discover', 'Evaluate', 'Buy', 'Receive', 'Use', 'Get help', 'Come back']);
    expect(DEFAULT_CONFIG.journey).toEqual({ stages: DEFAULT_JOURNEY_STAGES, quietPeriods: 4 });
    expect(DEFAULT_CONFIG.journey.stages[2]).toEqual({
      name: 'Buy',
      match: expect.objectContaining({ labels: ['journey:buy'], components: [] }),
      kpis: ['checkout conversion rate', 'cart abandonment rate', 'payment failure rate'],
    });
    expect(toConfigFile(DEFAULT_CONFIG).journey).toEqual(DEFAULT_CONFIG.journey);
  });

  it('replaces the whole list of stages when stages are given, filling in what a stage leaves out', () => {
    const config = parseConfig('journey:\n  quietPeriods: 6\n  stages:\n    - name: Onboard\n      kpis: [activation rate]', 'centric.yml');
    expect(config.journey).toEqual({ stages: [{ name: 'Onboard', match: { labels: [], components: [], keywords: [] }, kpis: ['activation rate'] }], quietPeriods: 6 });
    expect(parseConfig('journey: { quietPeriods: 2 }', 'centric.yml').journey.stages).toEqual(DEFAULT_JOURNEY_STAGES);
  });

  it('names the file, the path and what to do', () => {
    expect(configError('journey:\n  stages:\n    - name: Buy\n    - name: buy')).toBe('centric.yml: journey.stages.1.name: the stage "buy" is declared twice: give each stage its own name');
    expect(configError('journey:\n  stages:\n    - name: Buy\n      match: { labels: [journey buy] }')).toBe('centric.yml: journey.stages.0.match.labels.0: a Jira label has no spaces');
    expect(configError('journey:\n  stages:\n    - name: Buy\n      match: { keywords: ["pa*"] }')).toBe(
      'centric.yml: journey.stages.0.match.keywords.0: expected a word or phrase; a single word (3 letters or more) may start or end with *',
    );
    expect(configError('journey:\n  stages:\n    - name: ""')).toBe('centric.yml: journey.stages.0.name: give the stage a name, such as Discover');
    expect(configError('journey:\n  stages:\n    - name: Buy\n      kpi: [conversion rate]')).toMatch(/^centric\.yml: journey\.stages\.0: Unrecognized key: "kpi"/);
    expect(configError('journey: { quietPeriods: 0 }')).toMatch(/^centric\.yml: journey\.quietPeriods: /);
    expect(configError('journey:\n  stages:\n    - name: "Buy\\nnow"')).toBe('centric.yml: journey.stages.0.name: keep a stage name on one line');
    expect(configError('journey:\n  stages:\n    - name: Buy\n      kpis: ["conversion\\nrate"]')).toBe('centric.yml: journey.stages.0.kpis.0: keep a KPI on one line');
    expect(configError('journey:\n  stages:\n    - name: Buy\n      match: { keywords: { english: [cart] } }')).toBe(
      'centric.yml: journey.stages.0.match.keywords.english: expected a language code such as en or de',
    );
    expect(configError('journey:\n  stages:\n    - name: Buy\n      match: { keywords: { en: ["pa*"] } }')).toBe(
      'centric.yml: journey.stages.0.match.keywords.en.0: expected a word or phrase; a single word (3 letters or more) may start or end with *',
    );
  });
});

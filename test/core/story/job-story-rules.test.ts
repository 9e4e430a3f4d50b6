import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/core/compile.js';
import { configSchema } from '../../../src/core/config-schema.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { lintIssue } from '../../../src/core/lint.js';
import type { RuleContext } from '../../../src/core/rules/rule.js';
import { storyFormat } from '../../../src/core/rules/story-format.js';
import { finding } from '../../helpers/lint.js';
import { issue } from '../../helpers/issues.js';

const JOB = "When I'm re-ordering supplies for the ward at the end of a night shift, I want to repeat last week's order, so I can get home on time.";
const USER = 'As a night nurse, I want to see my ward, so that I can plan my rounds.';
const LINK = 'https://github.com/centric-bot/centric/blob/main/README.md';

describe('story-format: the forms a project writes', () => {
  it('accepts user and job stories by default', () => {
    expect(finding('story-format', JOB)).toBeUndefined();
    expect(finding('story-format', USER)).toBeUndefined();
  });

  it('fails a job story where only user stories are written, and says how to rewrite it', () => {
    const userOnly = configSchema().parse({ rules: { 'story-format': { forms: ['user'] } } });
    expect(finding('story-format', USER, {}, userOnly)).toBeUndefined();
    expect(finding('story-format', 'When the ward runs out of gloves, I want to re-order them.', {}, userOnly)).toEqual({
      rule: 'story-format',
      severity: 'error',
      message: 'This is a job story ("When …"), and this project writes user stories.',
      hint: 'Rewrite it as "As a <who exactly>, I want <what>, so that <why it matters to them>": who is in the situation "the ward runs out of gloves"?',
      link: `${LINK}#story-format`,
    });
  });

  it('fails a user story where only job stories are written, and proposes the job form when there is no story', () => {
    const jobOnly = configSchema().parse({ rules: { 'story-format': { forms: ['job'] } } });
    expect(finding('story-format', JOB, {}, jobOnly)).toBeUndefined();
    expect(finding('story-format', USER, {}, jobOnly)).toEqual({
      rule: 'story-format',
      severity: 'error',
      message: 'This is a user story ("As a …"), and this project writes job stories.',
      hint: 'Rewrite it as "When <the moment it happens>, I want <what>, so I can <the outcome you expect>": when does the night nurse need "see my ward"?',
      link: `${LINK}#story-format`,
    });
    expect(finding('story-format', 'Upgrade the SDK.', { summary: 'Upgrade SDK' }, jobOnly)).toEqual({
      rule: 'story-format',
      severity: 'error',
      message: 'No user story found: the ticket does not say who it is for and what they want.',
      hint: 'Start the description with "When <the moment it happens>, I want <what>, so I can <the outcome you expect>": when is "Upgrade SDK" needed, and why?',
      link: `${LINK}#story-format`,
    });
  });

  it('keeps the user-story hint when user stories are accepted', () => {
    expect(finding('story-format', 'Upgrade the SDK.', { summary: 'Upgrade SDK' })?.hint).toBe(
      'Start the description with "As a <who exactly>, I want <what>, so that <why it matters to them>": who needs "Upgrade SDK", and why?',
    );
  });

  it('takes the forms per project, through the project overrides', () => {
    const config = configSchema().parse({ projects: { OPS: { rules: { 'story-format': { forms: ['job'] } } } } });
    expect(lintIssue(issue(USER, {}, 'SHOP-1'), config).findings?.find((f) => f.rule === 'story-format')).toBeUndefined();
    expect(lintIssue(issue(USER, {}, 'OPS-1'), config).findings?.find((f) => f.rule === 'story-format')?.message).toBe(
      'This is a user story ("As a …"), and this project writes job stories.',
    );
    expect(lintIssue(issue(JOB, {}, 'OPS-1'), config).findings?.find((f) => f.rule === 'story-format')).toBeUndefined();
  });

  it('defaults to both forms, and rejects no form or an unknown one', () => {
    expect(DEFAULT_CONFIG.rules['story-format']).toEqual({ severity: 'error', forms: ['user', 'job'] });
    expect(configSchema().safeParse({ rules: { 'story-format': { forms: [] } } }).success).toBe(false);
    expect(configSchema().safeParse({ rules: { 'story-format': { forms: ['epic'] } } }).success).toBe(false);
  });

  it('reads a stored story without a kind as a user story', () => {
    const stored = { role: 'night nurse', goal: 'see my ward', benefit: null, language: 'en' };
    const ctx = { story: stored, ticket: { summary: '' }, compiled: compile(DEFAULT_CONFIG), text: '' } as unknown as RuleContext;
    expect(storyFormat.check(ctx, { forms: ['user'] })).toBeNull();
    expect(storyFormat.check(ctx, { forms: ['job'] })?.message).toBe('This is a user story ("As a …"), and this project writes job stories.');
  });
});

describe('specific-persona: a job story\'s situation', () => {
  const HINT = 'Say when exactly this happens, e.g. "When I\'m re-ordering supplies at the end of a night shift, I want …".';

  it.each([
    ['When I use the app, I want to see my orders.', 'I use the app'],
    ['When I log in, I want to see my orders.', 'I log in'],
    ["When I'm using the website, I'd like to see my orders.", "I'm using the website"],
    ['When I want to, I want to see my orders.', 'I want to'],
    ["When possible, I'd like the export to run every night.", 'possible'],
    ['Wenn ich die App benutze, möchte ich meine Bestellungen sehen.', 'ich die App benutze'],
    ['Cuando uso la aplicación, quiero ver mis pedidos.', 'uso la aplicación'],
    ["Quand j'ouvre l'application, je veux voir mes commandes.", "j'ouvre l'application"],
    ["Quando uso l'app, voglio vedere i miei ordini.", "uso l'app"],
    ['Wanneer ik de app open, wil ik mijn bestellingen zien.', 'ik de app open'],
    ['Quando uso o aplicativo, quero ver os meus pedidos.', 'uso o aplicativo'],
  ])('flags the generic situation of "%s"', (story, situation) => {
    expect(finding('specific-persona', story)).toEqual({
      rule: 'specific-persona',
      severity: 'warn',
      message: `The situation "${situation}" is generic: it names no moment, context or trigger.`,
      hint: HINT,
      link: `${LINK}#specific-persona`,
    });
  });

  it.each([
    JOB,
    'When the build fails, I want to get a Slack message with the failing test.',
    'When I log in from a new phone, I want to confirm it is me.',
    'When I use the app offline on the ward, I want my last list to stay visible.',
    'Wenn ein Paket verspätet ist, möchte ich benachrichtigt werden.',
    'Cuando un pedido llega tarde, quiero recibir un aviso.',
  ])('passes a situation that names a moment, context or trigger: %s', (story) => {
    expect(finding('specific-persona', story)).toBeUndefined();
  });

  it('still judges the role of a user story', () => {
    expect(finding('specific-persona', 'As a user, I want to see my orders.')?.message).toBe('"user" is a generic role, not a persona.');
  });
});

describe('customer-value and customer-benefit on job stories', () => {
  it('pass a job story with a real "so I can" outcome', () => {
    expect(finding('customer-value', JOB)).toBeUndefined();
    expect(finding('customer-benefit', JOB)).toBeUndefined();
    for (const story of [
      'Wenn ich am Ende der Nachtschicht Material nachbestelle, möchte ich die Bestellung der Vorwoche wiederholen, damit ich pünktlich nach Hause komme.',
      'Cuando repongo material al final del turno de noche, quiero repetir el pedido de la semana pasada, para llegar a casa a tiempo.',
      'Als ik aan het eind van de nachtdienst bestel, wil ik de bestelling van vorige week herhalen, zodat ik op tijd thuis ben.',
    ]) {
      expect(finding('customer-value', story)).toBeUndefined();
    }
  });

  it('asks a job story without an outcome for one, in the job story\'s words', () => {
    expect(finding('customer-value', 'When the ward runs out of gloves, I want to re-order them.')).toEqual({
      rule: 'customer-value',
      severity: 'error',
      message: 'The job story says when and what, but not why: no "so I can …" outcome.',
      hint: 'After "re-order them", add ", so I can <what this lets you do or stop worrying about>".',
      link: `${LINK}#customer-value`,
    });
  });

  it('speaks of the customer where a job story names no role', () => {
    expect(finding('customer-value', 'When the ward runs out of gloves, I want to re-order gloves, so I can re-order gloves.')?.message).toBe(
      'The benefit "I can re-order gloves" only restates the goal: it does not say what the customer gains by it.',
    );
    expect(finding('customer-metric', JOB)?.message).toBe('No customer metric: nothing says how we will know this worked for the customer.');
  });

  it('reports the job story in the JSON report with its kind and situation', () => {
    const report = lintIssue(issue(JOB), DEFAULT_CONFIG);
    expect(JSON.parse(JSON.stringify(report.story))).toEqual({
      kind: 'job',
      role: '',
      situation: "I'm re-ordering supplies for the ward at the end of a night shift",
      goal: "repeat last week's order",
      benefit: 'I can get home on time',
      language: 'en',
    });
    expect(report.benefit).toEqual({ kind: 'customer' });
  });
});

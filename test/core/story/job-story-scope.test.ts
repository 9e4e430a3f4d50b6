import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/core/compile.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { lintIssue } from '../../../src/core/lint.js';
import { storyLine, storyWho } from '../../../src/core/render/story-line.js';
import { parseStory } from '../../../src/core/story/parse-story.js';
import type { Story } from '../../../src/core/types.js';
import { finding } from '../../helpers/lint.js';
import { bullets, doc, heading, issue, para, text } from '../../helpers/issues.js';

const compiled = compile(DEFAULT_CONFIG);
const storyOf = (description: unknown, summary = 'Ticket'): Story | null => lintIssue(issue(description, { summary }), DEFAULT_CONFIG).story ?? null;
const job = (language: string, situation: string, goal: string, benefit: string | null): Story => ({ kind: 'job', role: '', situation, goal, benefit, language });
const LINK = 'https://github.com/centric-bot/centric/blob/main/README.md';
const NO_STORY = {
  rule: 'story-format',
  severity: 'error',
  message: 'No user story found: the ticket does not say who it is for and what they want.',
  hint: 'Start the description with "As a <who exactly>, I want <what>, so that <why it matters to them>": who needs "Ticket", and why?',
  link: `${LINK}#story-format`,
};

const NIGHT_SHIFT = "When I'm re-ordering supplies at the end of a night shift, I want to repeat last week's order, so I can get home on time.";
const NIGHT_SHIFT_STORY = job('en', "I'm re-ordering supplies at the end of a night shift", "repeat last week's order", 'I can get home on time');

describe("a bug's steps and a technical note are no job story (review finding 6)", () => {
  it.each<[string, unknown]>([
    ['a "Steps to reproduce:" label opening the paragraph', 'Steps to reproduce: open the checkout. When I click Pay, I need to enter my card twice.'],
    ['a "Steps to reproduce" heading (wiki)', 'h3. Steps to reproduce\nWhen I click Pay, I want to enter my card once.'],
    ['a "Steps to reproduce" heading (ADF)', doc(heading('Steps to reproduce'), para(text('When I click Pay, I want to enter my card once.')))],
    ['an acceptance-criteria heading (ADF)', doc(heading('Acceptance criteria'), para(text('When I click Pay, I want to see the total.')))],
    ['a "When …" list item (ADF)', doc(bullets('When the queue is full, we need to drop the oldest message'))],
    ['a step after a context paragraph and a "Steps to reproduce" heading (ADF)', doc(para(text('The Pay button charges twice on mobile.')), heading('Steps to reproduce'), para(text('Open the checkout. When I click Pay, I want to enter my card once.')))],
    ['a step after a context paragraph and a "Steps to reproduce:" label line (wiki)', 'The Pay button charges twice.\n\nSteps to reproduce:\n* When I click Pay, I want to enter my card once.'],
    ['a story under acceptance criteria after a context paragraph (wiki)', `Nurses re-order every night.\n\nh3. Acceptance criteria\n${NIGHT_SHIFT}`],
    ['a job story written as a heading (ADF)', doc(heading(NIGHT_SHIFT), para(text('Notes follow.')))],
    ['"we need" after a non-person situation in a later list item (wiki)', 'Notes on the queue.\n\n- When the queue is full, we need to drop the oldest message'],
    ['"we need" after a situation that is no person\'s', 'When the queue is full, we need to drop the oldest message.'],
    ['"we want" after a situation that is no person\'s', 'When the cron job runs, we want to log the duration.'],
    ['German "wollen wir"', 'Wenn die Warteschlange voll ist, wollen wir die älteste Nachricht verwerfen.'],
    ['Spanish "queremos"', 'Cuando la cola está llena, queremos descartar el mensaje más antiguo.'],
    ['French "nous voulons"', 'Quand la file est pleine, nous voulons supprimer le plus ancien message.'],
    ['Italian "vogliamo"', 'Quando la coda è piena, vogliamo scartare il messaggio più vecchio.'],
    ['Dutch "willen we"', 'Wanneer de wachtrij vol is, willen we het oudste bericht verwijderen.'],
    ['Portuguese "queremos"', 'Quando a fila está cheia, queremos descartar a mensagem mais antiga.'],
    ['a German steps label', 'Schritte zur Reproduktion:\nWenn ich bezahle, möchte ich den Betrag sehen.'],
  ])('%s', (_case, description) => {
    expect(storyOf(description)).toBeNull();
    expect(finding('story-format', description, { summary: 'Ticket' })).toEqual(NO_STORY);
  });

  it.each<[string, unknown, Story]>([
    ['the trap "When the build fails, I want to …" in a technical task', 'When the build fails, I want to see the failing test first.', job('en', 'the build fails', 'see the failing test first', null)],
    ['"I need" after a first-person situation', 'When I click Pay, I need to see the total, so I can check it.', job('en', 'I click Pay', 'see the total', 'I can check it')],
    ['the first paragraph after a heading (wiki)', `h3. Story\n${NIGHT_SHIFT}\n\nh3. Steps to reproduce\nOpen the ward list.`, NIGHT_SHIFT_STORY],
    ['the first paragraph after a heading (ADF)', doc(heading('Story'), para(text(NIGHT_SHIFT)), heading('Acceptance criteria'), bullets('Given an order, when I repeat it, then it is sent')), NIGHT_SHIFT_STORY],
    ['German "brauche ich" after "Wenn ich"', 'Wenn ich an der Kasse bezahle, brauche ich den Gesamtbetrag, damit ich ihn prüfen kann.', job('de', 'ich an der Kasse bezahle', 'den Gesamtbetrag', 'ich ihn prüfen kann')],
    ['Spanish "necesito" after a first-person verb', 'Cuando compro en el móvil, necesito ver el total, para pagar tranquilo.', job('es', 'compro en el móvil', 'ver el total', 'pagar tranquilo')],
    ["French \"j'ai besoin de\" after \"je\"", "Quand je paie en caisse, j'ai besoin de voir le total, afin de vérifier le montant.", job('fr', 'je paie en caisse', 'voir le total', 'vérifier le montant')],
    ['Italian "ho bisogno di" after a first-person verb', 'Quando pago alla cassa, ho bisogno di vedere il totale, per controllarlo.', job('it', 'pago alla cassa', 'vedere il totale', 'controllarlo')],
    ['Dutch "willen we" after "we"', 'Wanneer we afrekenen, willen we het totaal zien, zodat we het kunnen controleren.', job('nl', 'we afrekenen', 'het totaal zien', 'we het kunnen controleren')],
    ['Portuguese "preciso" after a first-person verb', 'Quando pago no caixa, preciso ver o total, para conferir o valor.', job('pt', 'pago no caixa', 'ver o total', 'conferir o valor')],
  ])('still reads %s', (_case, description, expected) => {
    expect(storyOf(description)).toEqual(expected);
  });

  it('reads a job story in the summary whatever the description holds', () => {
    expect(storyOf('Steps to reproduce: open the ward list.', NIGHT_SHIFT)).toEqual(NIGHT_SHIFT_STORY);
  });

  it('reads no job story after a steps label, also where the text is parsed without its blocks (Fix it finds the story block so)', () => {
    expect(parseStory(['Steps to reproduce:\nWhen I click Pay, I want to see the total.'], compiled)).toBeNull();
    expect(parseStory(['## Acceptance criteria\nWhen I click Pay, I want to see the total.'], compiled)).toBeNull();
    expect(parseStory(['When I click Pay, I want to see the total.'], compiled)).toEqual(job('en', 'I click Pay', 'see the total', null));
  });

  it('keeps a user story anywhere, as before', () => {
    expect(storyOf(`Nurses re-order every night.\n\nAs a night nurse, I want to repeat last week's order, so that I can get home on time.`)).toEqual({
      kind: 'user', role: 'night nurse', goal: "repeat last week's order", benefit: 'I can get home on time', language: 'en',
    });
  });
});

const strong = (s: string) => para(text(s, [{ type: 'strong' }]));
const panel = (...content: unknown[]) => ({ type: 'panel', attrs: { panelType: 'info' }, content });
const cell = (s: string) => ({ type: 'tableCell', attrs: {}, content: [para(text(s))] });
const table = (...rows: string[][]) => ({ type: 'table', content: rows.map((r) => ({ type: 'tableRow', content: r.map(cell) })) });

describe('a job story anywhere before the acceptance criteria or steps (second review, finding 1)', () => {
  it.each<[string, unknown]>([
    ['after a "Job story:" line (plain)', `Job story:\n\n${NIGHT_SHIFT}`],
    ['after a bold "Job story" line (wiki)', `*Job story*\n\n${NIGHT_SHIFT}`],
    ['after a bold "Job story" paragraph (ADF)', doc(strong('Job story'), para(text(NIGHT_SHIFT)))],
    ['after an info panel (ADF)', doc(panel(para(text('Created from the discovery board.'))), para(text(NIGHT_SHIFT)))],
    ['in an info panel (ADF)', doc(panel(para(text(NIGHT_SHIFT))))],
    ['after a context paragraph (plain)', `Nurses re-order every night.\n\n${NIGHT_SHIFT}`],
    ['after a context paragraph (ADF)', doc(para(text('Nurses re-order supplies at night and it takes too long.')), para(text(NIGHT_SHIFT)))],
    ['after a "Design:" line (wiki)', `Design: [Figma|https://figma.com/file/abc]\n\n${NIGHT_SHIFT}`],
    ['in a table cell under a "Job story" header (wiki)', `||Job story||\n|${NIGHT_SHIFT}|`],
    ['in a table cell (ADF)', doc(table(['Job story'], [NIGHT_SHIFT]))],
    ['in a list item (wiki)', `* ${NIGHT_SHIFT}`],
    ['in a list item after a context paragraph (ADF)', doc(para(text('Notes from the ward.')), bullets(NIGHT_SHIFT))],
    ['over three list items (wiki)', "* When I'm re-ordering supplies at the end of a night shift,\n* I want to repeat last week's order,\n* so I can get home on time"],
    ['before the acceptance criteria (ADF)', doc(para(text('Context first.')), para(text(NIGHT_SHIFT)), heading('Acceptance criteria'), bullets('Given an order, when I repeat it, then it is sent'))],
  ])('reads it %s', (_case, description) => {
    expect(storyOf(description)).toEqual(NIGHT_SHIFT_STORY);
  });

  it('keeps the trap: "When the build fails, I want to …" after a context paragraph is a job story', () => {
    expect(storyOf('CI notes.\n\nWhen the build fails, I want to see the failing test first.')).toEqual(job('en', 'the build fails', 'see the failing test first', null));
  });
});

describe('"so I can" without an outcome, and the outcome without "I can" (review finding 9)', () => {
  it.each([
    ['so I can …', 'I can …'],
    ['so I can ...', 'I can'],
    ['so I can', 'I can'],
    ['so I can.', 'I can'],
  ])('"%s" is a placeholder benefit', (clause, quoted) => {
    const description = `When I'm re-ordering supplies at the end of a night shift, I want to repeat last week's order, ${clause}`;
    expect(storyOf(description)).toEqual(job('en', "I'm re-ordering supplies at the end of a night shift", "repeat last week's order", null));
    expect(finding('customer-value', description)).toEqual({
      rule: 'customer-value',
      severity: 'error',
      message: `The benefit "${quoted}" is a placeholder: it does not say what the customer gains.`,
      hint: `Replace "${quoted}" with what "repeat last week's order" lets the customer do or stop worrying about.`,
      link: `${LINK}#customer-value`,
    });
  });

  it('reads "so that we can" alone in a user story as a placeholder too', () => {
    expect(finding('customer-value', 'As a night nurse, I want to repeat last week\'s order, so that we can.')?.message).toBe(
      'The benefit "we can" is a placeholder: it does not say what the night nurse gains.',
    );
  });

  it('keeps "I can <outcome>" as written, and judges the outcome', () => {
    expect(storyOf(NIGHT_SHIFT)?.benefit).toBe('I can get home on time');
    expect(finding('customer-value', NIGHT_SHIFT)).toBeUndefined();
    expect(finding('customer-value', "When I'm re-ordering supplies at the end of a night shift, I want to repeat last week's order, so I can repeat the order.")).toEqual({
      rule: 'customer-value',
      severity: 'warn',
      message: 'The benefit "I can repeat the order" only restates the goal: it does not say what the customer gains by it.',
      hint: `Say what "repeat last week's order" lets the customer do next, or stop worrying about.`,
      link: `${LINK}#customer-value`,
    });
  });

  it.each([
    ["When I'm logged in, I want to see my orders.", "I'm logged in"],
    ["When I've signed in, I want to see my orders.", "I've signed in"],
    ['When I have opened the app, I want to see my orders.', 'I have opened the app'],
    ['Wenn ich eingeloggt bin, möchte ich meine Bestellungen sehen.', 'ich eingeloggt bin'],
    ['Cuando estoy conectado, quiero ver mis pedidos.', 'estoy conectado'],
    ['Quand je suis connecté, je veux voir mes commandes.', 'je suis connecté'],
    ['Quando sono collegato, voglio vedere i miei ordini.', 'sono collegato'],
    ['Als ik ingelogd ben, wil ik mijn bestellingen zien.', 'ik ingelogd ben'],
    ['Quando estou logado, quero ver os meus pedidos.', 'estou logado'],
  ])('flags the generic situation of "%s"', (description, situation) => {
    expect(finding('specific-persona', description)?.message).toBe(`The situation "${situation}" is generic: it names no moment, context or trigger.`);
  });
});

describe('the situation marker as the ticket\'s language writes it (review finding 9)', () => {
  it.each([
    ['en', 'When I pay at the till'],
    ['de', 'Wenn ich an der Kasse bezahle'],
    ['es', 'Cuando pago en caja'],
    ['fr', 'Quand je paie en caisse'],
    ['it', 'Quando pago alla cassa'],
    ['nl', 'Wanneer ik afreken'],
    ['pt', 'Quando pago no caixa'],
  ])('%s: %s', (language, who) => {
    const situation = who.slice(who.indexOf(' ') + 1);
    const story = job(language, situation, 'x', null);
    expect(storyWho(story)).toBe(who);
    expect(storyLine({ ...story, benefit: 'y' })).toBe(`${who}: x → y`);
  });

  it('shows a language no longer built in with "When"', () => {
    expect(storyWho(job('sv', 'jag betalar', 'x', null))).toBe('When jag betalar');
  });
});

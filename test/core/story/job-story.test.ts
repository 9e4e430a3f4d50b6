import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/core/compile.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { lintIssue } from '../../../src/core/lint.js';
import { renderHtml } from '../../../src/core/render/html.js';
import { renderMarkdown } from '../../../src/core/render/markdown.js';
import { storyLine } from '../../../src/core/render/story-line.js';
import { renderText } from '../../../src/core/render/text.js';
import { reportMessage } from '../../../src/slack/views/report.js';
import { locateStory, parseStory } from '../../../src/core/story/parse-story.js';
import type { Story } from '../../../src/core/types.js';
import { doc, issue, para, text } from '../../helpers/issues.js';

const compiled = compile(DEFAULT_CONFIG);
const parse = (...texts: string[]) => parseStory(texts, compiled);
const job = (language: string, situation: string, goal: string, benefit: string | null): Story => ({ kind: 'job', role: '', situation, goal, benefit, language });
const user = (language: string, role: string, goal: string, benefit: string | null): Story => ({ kind: 'user', role, goal, benefit, language });

/** One story per language, each in the language's own words, with the clauses the parser must read. */
const JOB_STORIES: Array<[string, string, Story]> = [
  [
    'en',
    "When I'm re-ordering supplies for the ward at the end of a night shift, I want to repeat last week's order, so I can get home on time.",
    job('en', "I'm re-ordering supplies for the ward at the end of a night shift", "repeat last week's order", 'I can get home on time'),
  ],
  [
    'de',
    'Wenn ich am Ende der Nachtschicht Material nachbestelle, möchte ich die Bestellung der Vorwoche wiederholen, damit ich pünktlich nach Hause komme.',
    job('de', 'ich am Ende der Nachtschicht Material nachbestelle', 'die Bestellung der Vorwoche wiederholen', 'ich pünktlich nach Hause komme'),
  ],
  [
    'es',
    'Cuando repongo material al final del turno de noche, quiero repetir el pedido de la semana pasada, para llegar a casa a tiempo.',
    job('es', 'repongo material al final del turno de noche', 'repetir el pedido de la semana pasada', 'llegar a casa a tiempo'),
  ],
  [
    'fr',
    "Lorsque je commande le matériel en fin de garde de nuit, je veux répéter la commande de la semaine dernière, afin de rentrer à l'heure.",
    job('fr', 'je commande le matériel en fin de garde de nuit', 'répéter la commande de la semaine dernière', "rentrer à l'heure"),
  ],
  [
    'it',
    "Quando riordino il materiale a fine turno di notte, voglio ripetere l'ordine della settimana scorsa, così da tornare a casa in orario.",
    job('it', 'riordino il materiale a fine turno di notte', "ripetere l'ordine della settimana scorsa", 'tornare a casa in orario'),
  ],
  [
    'nl',
    'Als ik aan het eind van de nachtdienst bestel, wil ik de bestelling van vorige week herhalen, zodat ik op tijd thuis ben.',
    job('nl', 'ik aan het eind van de nachtdienst bestel', 'de bestelling van vorige week herhalen', 'ik op tijd thuis ben'),
  ],
  [
    'pt',
    'Quando reponho o material no fim do turno da noite, quero repetir o pedido da semana passada, para chegar a casa a tempo.',
    job('pt', 'reponho o material no fim do turno da noite', 'repetir o pedido da semana passada', 'chegar a casa a tempo'),
  ],
];

/** The same story as plain text, as wiki markup (a heading, emphasis) and as ADF: the parser reads what normalise gives it. */
const formats: Array<[string, (story: string) => unknown]> = [
  ['plain text', (story) => story],
  ['wiki markup', (story) => `h3. Story\n*${story.slice(0, story.indexOf(' '))}*${story.slice(story.indexOf(' '))}\n\nh3. Notes\nNone.`],
  ['ADF', (story) => doc(para(text(story.slice(0, story.indexOf(' ')), [{ type: 'strong' }]), text(story.slice(story.indexOf(' ')))))],
];

describe('job stories in seven languages and three formats', () => {
  for (const [format, write] of formats) {
    it.each(JOB_STORIES)(`${format}, %s: %s`, (_language, story, expected) => {
      expect(lintIssue(issue(write(story), { summary: 'Repeat last order' }), DEFAULT_CONFIG).story).toEqual(expected);
    });
  }
});

describe('job story variants', () => {
  it.each([
    ['When the ward runs out of gloves, I want to re-order them.', job('en', 'the ward runs out of gloves', 're-order them', null)],
    ['When the ward runs out of gloves I want to re-order them so that I can keep working.', job('en', 'the ward runs out of gloves', 're-order them', 'I can keep working')],
    ["When a delivery is late, I'd like to be told, so we can plan around it.", job('en', 'a delivery is late', 'be told', 'we can plan around it')],
    ['Whenever my basket holds an item that sold out, I want a substitute proposed, so I can still check out.', job('en', 'my basket holds an item that sold out', 'a substitute proposed', 'I can still check out')],
    ['When I travel abroad\nI want to see prices in my currency\nso that I can compare them.', job('en', 'I travel abroad', 'see prices in my currency', 'I can compare them')],
    ['Wenn ein Paket verspätet ist, möchte ich benachrichtigt werden.', job('de', 'ein Paket verspätet ist', 'benachrichtigt werden', null)],
    ['Cuando un pedido llega tarde, quiero recibir un aviso.', job('es', 'un pedido llega tarde', 'recibir un aviso', null)],
    ['Quand une livraison est en retard, je veux être prévenu, pour réorganiser ma journée.', job('fr', 'une livraison est en retard', 'être prévenu', 'réorganiser ma journée')],
    ['Wanneer een levering te laat is, wil ik een bericht krijgen.', job('nl', 'een levering te laat is', 'een bericht krijgen', null)],
  ])('%s', (story, expected) => {
    expect(parse(story)).toEqual(expected);
  });

  it('reads the situation as written, and shows the story as one line', () => {
    const story = parse(JOB_STORIES[0]![1])!;
    expect(storyLine(story)).toBe("When I'm re-ordering supplies for the ward at the end of a night shift: repeat last week's order → I can get home on time");
    expect(storyLine(parse('When the build fails, I want to be told at once.')!)).toBe('When the build fails: be told at once');
  });

  it('shows the situation where a user story shows its persona: text, Markdown, HTML and /centric check', () => {
    const report = lintIssue(issue('When the build fails, I want to be told at once, so I can fix it before the ward notices.'), DEFAULT_CONFIG);
    const result = { reports: [report], summary: { tickets: 1, linted: 1, skipped: 0, passing: 0, averageScore: report.score ?? null } };
    const line = 'When the build fails: be told at once → I can fix it before the ward notices';
    expect(renderText(result)).toContain(`  story  ${line}\n`);
    expect(renderMarkdown(result)).toContain(`Story: ${line}\n`);
    expect(renderHtml(result, 'Audit')).toContain('<td data-label="Persona">When the build fails</td>');
    const message = JSON.stringify(reportMessage(report, 'Build alerts', 'https://acme.atlassian.net/browse/SHOP-1'));
    expect(message).toContain('"text":"Situation: When the build fails"');
    expect(message).not.toContain('Persona:');
  });

  it('takes the benefit of a "Why:" line, as a user story does', () => {
    expect(parse('When the ward runs out of gloves, I want to re-order them.\nWhy: nurses stop losing time on the phone.')).toEqual(
      job('en', 'the ward runs out of gloves', 're-order them', 'nurses stop losing time on the phone'),
    );
  });

  it('locates a job story where its situation marker starts', () => {
    const text = 'Context first.\nWhen the ward runs out of gloves, I want to re-order them.';
    expect(locateStory(text, compiled)?.start).toBe(text.indexOf('When'));
  });
});

describe('job story traps', () => {
  it('parses "When the build fails, I want to …" in a technical task: the situation is specific', () => {
    expect(parse('When the build fails, I want to get a Slack message with the failing test.')).toEqual(
      job('en', 'the build fails', 'get a Slack message with the failing test', null),
    );
  });

  it('parses "When I use the app, I want …": specific-persona flags the situation (see the rule tests)', () => {
    expect(parse('When I use the app, I want to see my orders.')).toEqual(job('en', 'I use the app', 'see my orders', null));
  });

  it.each([
    'When possible, please fix the export.',
    'When the user clicks save\nThen the order is stored.',
    'Given a saved basket, when I sign in on my phone, then I see it.',
    'When I click save, I can see the confirmation.',
    'When <situation>, I want <motivation>, so I can <outcome>.',
    'When , I want to pay.',
  ])('is no story: %s', (text) => {
    expect(parse(text)).toBeNull();
  });

  it('keeps Dutch "Als gebruiker wil ik" a user story, and "Als ik …, wil ik" a job story', () => {
    expect(parse('Als gebruiker wil ik inloggen, zodat ik mijn diensten zie.')).toEqual(user('nl', 'gebruiker', 'inloggen', 'ik mijn diensten zie'));
    expect(parse('Als ik inlog, wil ik mijn diensten zien.')).toEqual(job('nl', 'ik inlog', 'mijn diensten zien', null));
  });

  it('prefers a user story in the same text: "When …" before it is context', () => {
    expect(parse('When stock runs low, I want to know.\nAs a ward clerk, I want to re-order gloves, so that the ward never runs out.')).toEqual(
      user('en', 'ward clerk', 're-order gloves', 'the ward never runs out'),
    );
  });

  it('prefers the summary\'s job story with a benefit over the description\'s user story without one', () => {
    expect(parse('When stock runs low, I want to re-order gloves, so I can keep the ward going', 'As a ward clerk, I want to re-order gloves.')).toEqual(
      job('en', 'stock runs low', 're-order gloves', 'I can keep the ward going'),
    );
  });

  it('reads thousands of "When x," without a motivation in linear time', () => {
    const text = 'When x, '.repeat(20_000) + 'I want it.';
    const started = performance.now();
    parse(`${'When it rains. '.repeat(20_000)}`);
    parse(text);
    expect(performance.now() - started).toBeLessThan(1_500);
  });
});

describe('benefit-first stories', () => {
  it.each([
    ['In order to get home on time, as a night nurse, I want to repeat last week\'s order.', user('en', 'night nurse', "repeat last week's order", 'get home on time')],
    ['In order to get home on time\nAs a night nurse\nI want to repeat last week\'s order', user('en', 'night nurse', "repeat last week's order", 'get home on time')],
    ['In order to: get home on time\nAs a: night nurse\nI want: to repeat last week\'s order', user('en', 'night nurse', "repeat last week's order", 'get home on time')],
    ['So that I can plan my rounds, as a night nurse I want to see my ward.', user('en', 'night nurse', 'see my ward', 'I can plan my rounds')],
    ['Damit ich pünktlich nach Hause komme, als Pflegekraft möchte ich die Bestellung wiederholen.', user('de', 'pflegekraft', 'die Bestellung wiederholen', 'ich pünktlich nach Hause komme')],
    ['Para llegar a casa a tiempo, como enfermera quiero repetir el pedido.', user('es', 'enfermera', 'repetir el pedido', 'llegar a casa a tiempo')],
    ["Afin de rentrer à l'heure, en tant qu'infirmière, je veux répéter la commande.", user('fr', 'infirmière', 'répéter la commande', "rentrer à l'heure")],
    ['Al fine di tornare a casa in orario, come infermiera voglio ripetere l\'ordine.', user('it', 'infermiera', "ripetere l'ordine", 'tornare a casa in orario')],
    ['Om op tijd thuis te zijn, als verpleegkundige wil ik de bestelling herhalen.', user('nl', 'verpleegkundige', 'de bestelling herhalen', 'op tijd thuis te zijn')],
    ['A fim de chegar a casa a tempo, como enfermeira quero repetir o pedido.', user('pt', 'enfermeira', 'repetir o pedido', 'chegar a casa a tempo')],
  ])('%s', (story, expected) => {
    expect(parse(story)).toEqual(expected);
  });

  it('reads a benefit-first story in ADF and wiki markup too', () => {
    const story = 'In order to get home on time, as a night nurse, I want to repeat last week\'s order.';
    const expected = user('en', 'night nurse', "repeat last week's order", 'get home on time');
    expect(lintIssue(issue(doc(para(text(story)))), DEFAULT_CONFIG).story).toEqual(expected);
    expect(lintIssue(issue(`h3. Story\n*In order to* get home on time, *as a* night nurse, *I want* to repeat last week's order.`), DEFAULT_CONFIG).story).toEqual(expected);
  });

  it('keeps a benefit of its own after the goal, and is no story without a role', () => {
    expect(parse('In order to ship, as a night nurse, I want to see my ward so that I can plan.')).toEqual(user('en', 'night nurse', 'see my ward', 'I can plan'));
    expect(parse('In order to ship faster, we refactor the build.')).toBeNull();
    expect(parse('To avoid confusion, as a reminder, I want this noted.')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { lintIssue } from '../../../src/core/lint.js';
import { normalise } from '../../../src/core/ticket/normalise.js';
import { bullets, doc, issue, para, text } from '../../helpers/issues.js';

type Node = Record<string, unknown>;

/** A story in each language, and the role the parser reads from it when nothing stands before it. */
const STORIES: Record<string, [string, string]> = {
  en: ['As a ward clerk, I want to see free beds so that I can admit patients sooner.', 'ward clerk'],
  de: ['Als Stationssekretärin möchte ich freie Betten sehen, damit ich Patienten schneller aufnehme.', 'stationssekretärin'],
  es: ['Como enfermera quiero ver las camas libres para que pueda ingresar pacientes antes.', 'enfermera'],
  fr: ["En tant qu'infirmière, je veux voir les lits libres afin de pouvoir admettre les patients.", 'infirmière'],
  it: ['Come infermiera voglio vedere i letti liberi così che possa ricoverare i pazienti prima.', 'infermiera'],
  nl: ['Als verpleegkundige wil ik vrije bedden zien zodat ik patiënten sneller kan opnemen.', 'verpleegkundige'],
  pt: ['Como enfermeira quero ver os leitos livres para que possa internar pacientes mais cedo.', 'enfermeira'],
};

/** Inline nodes a writer puts in front of a story, each followed by the text as Jira's editor leaves it. */
const ADF_LABELS: Record<string, Node[]> = {
  emoji: [{ type: 'emoji', attrs: { shortName: ':star:', id: '2b50', text: '⭐' } }, text(' ')],
  'emoji without a blank': [{ type: 'emoji', attrs: { shortName: ':star:' } }],
  status: [{ type: 'status', attrs: { text: 'DRAFT', color: 'neutral', localId: 's1' } }],
  mention: [{ type: 'mention', attrs: { id: 'u1', text: '@Priya Sharma' } }, text(' ')],
  date: [{ type: 'date', attrs: { timestamp: '1767225600000' } }],
  'inline card': [{ type: 'inlineCard', attrs: { url: 'https://example.atlassian.net/browse/WARD-1' } }],
  'status and emoji': [{ type: 'status', attrs: { text: 'READY' } }, { type: 'emoji', attrs: { text: '🛏️' } }, text(' ')],
  'hard break': [{ type: 'hardBreak' }],
};

/** The same labels as wiki markup or plain text write them at a line's start. */
const TEXT_LABELS: Record<string, string> = {
  emoticon: '(*) ',
  'tick emoticon': '(/) ',
  'status macro': '{status:title=DRAFT} ',
  'wiki mention': '[~priya] ',
  'plain mention': '@priya ',
  emoji: '⭐ ',
  'emoji with a skin tone': '👩🏽‍⚕️ ',
};

const cell = (...content: Node[]): Node => ({
  type: 'table',
  content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [para(...content)] }] }],
});
const item = (...content: Node[]): Node => ({ type: 'bulletList', content: [{ type: 'listItem', content: [para(...content)] }] });
const headingOf = (...content: Node[]): Node => ({ type: 'heading', attrs: { level: 2 }, content });
const roleOf = (description: unknown): string | undefined => lintIssue(issue(description), DEFAULT_CONFIG).story?.role;

describe('an inline node before the story does not hide it', () => {
  for (const [lang, [story, role]] of Object.entries(STORIES)) {
    it(`${lang}: ADF emoji, status, mention, date, card or break before the story, in a paragraph, heading, list item and table cell`, () => {
      for (const [name, label] of Object.entries(ADF_LABELS)) {
        for (const wrap of [para, headingOf, item, cell]) expect(roleOf(doc(wrap(...label, text(story)))), `${name} in ${wrap.name}`).toBe(role);
      }
    });
    it(`${lang}: wiki or plain-text emoticon, status, mention or emoji before the story, on a line, list item, table cell, heading`, () => {
      for (const [name, label] of Object.entries(TEXT_LABELS)) {
        for (const line of [`${label}${story}`, `* ${label}${story}`, `|${label}${story}|`, `h2. ${label}${story}`]) expect(roleOf(line), `${name}: ${line}`).toBe(role);
      }
    });
  }
});

describe('inline nodes read as text', () => {
  it('keeps a leading label on its own line, with its text', () => {
    const blocks = normalise(issue(doc(para({ type: 'status', attrs: { text: 'DRAFT' } }, text('As a nurse, I want it.'))))).description;
    expect(blocks).toEqual([{ kind: 'paragraph', text: 'DRAFT\nAs a nurse, I want it.' }]);
    expect(normalise(issue('{status:colour=Yellow|title=DRAFT} As a nurse, I want it.')).description).toEqual(blocks);
    // Punctuation after the label already ends it: the line stays whole.
    const addressed = doc(para({ type: 'mention', attrs: { text: '@Priya' } }, text(', can you check?')));
    expect(normalise(issue(addressed)).description[0]?.text).toBe('@Priya, can you check?');
    expect(normalise(issue('[~Priya], can you check?')).description[0]?.text).toBe('@Priya, can you check?');
  });

  it('sets a node apart from the words next to it, so it joins no sentence, and only there', () => {
    const adf = doc(para(text('As a nurse, I want to see beds so that I admit sooner.'), { type: 'mention', attrs: { text: '@Priya' } }, text('thanks')));
    expect(normalise(issue(adf)).description[0]?.text).toBe('As a nurse, I want to see beds so that I admit sooner. @Priya thanks');
    expect(lintIssue(issue(adf), DEFAULT_CONFIG).story?.benefit).toBe('I admit sooner');
    // A node or pictograph inside a sentence stays where it is.
    const inside = doc(para(text('Ask '), { type: 'mention', attrs: { text: '@Priya' } }, text(' by '), { type: 'date', attrs: { timestamp: '1767225600000' } }));
    expect(normalise(issue(inside)).description[0]?.text).toBe('Ask @Priya by 2026-01-01');
    expect(normalise(issue('© 2026 Ward systems, rated ⭐ by nurses')).description[0]?.text).toBe('© 2026 Ward systems, rated ⭐ by nurses');
  });

  it('sets leading pictographs typed as text apart in list items too', () => {
    const adf = doc(bullets('✅ Given a free bed', '✅ When a patient arrives', '✅ Then I see the bed'));
    expect(normalise(issue(adf)).description.map((b) => b.text)).toEqual(['✅\nGiven a free bed', '✅\nWhen a patient arrives', '✅\nThen I see the bed']);
    expect(normalise(issue('* ✅ Given a free bed\n* ✅ When a patient arrives\n* ✅ Then I see the bed')).description).toEqual(normalise(issue(adf)).description);
  });
});

describe('tasks and decisions', () => {
  it('read their inline text as one list item, labels set apart, in every language', () => {
    for (const [story, role] of Object.values(STORIES)) {
      const half = story.indexOf(' ', 12);
      const task = {
        type: 'taskList',
        content: [{ type: 'taskItem', attrs: { state: 'TODO' }, content: [{ type: 'status', attrs: { text: 'NEW' } }, text(story.slice(0, half), [{ type: 'strong' }]), text(story.slice(half))] }],
      };
      const ticket = normalise(issue(doc(task)));
      expect(ticket.description).toEqual([{ kind: 'listItem', text: `NEW\n${story}` }]);
      expect(normalise(issue(`* {status:title=NEW} *${story.slice(0, half)}*${story.slice(half)}`)).description).toEqual(ticket.description);
      expect(roleOf(doc(task))).toBe(role);
    }
  });
});

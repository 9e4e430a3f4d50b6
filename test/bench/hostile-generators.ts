/**
 * Generators of hostile descriptions, shared by the property test (which checks that no generated
 * input blows up) and the benchmark (which times the generated inputs against issue 14's 50 ms).
 */
import fc from 'fast-check';
import { DEFAULT_VOCABULARY } from '../../src/core/vocab/index.js';

/** Issue 14's 32 KB: Jira caps a text field at 32,767 characters. */
export const MAX_CHARS = 32 * 1024;
const vocabularies = Object.values(DEFAULT_VOCABULARY);
/** A vocabulary entry as people type it: "en\s+tant\s+que" → "en tant que", "seconds?" → "seconds". */
const typed = (source: string): string => source.replace(/\\s[+*]/g, ' ').replace(/\(\?[=!][^)]*\)|[?\\]/g, '');

/** What the parser and the rules look for, in all 7 languages: a story, its benefit, a metric, a target. */
const WORDS = [
  ...new Set([
    ...vocabularies.flatMap((v) => v.roleMarkers.map((m) => `${typed(m)} ${v.articles[0]} `)),
    'As: ', 'As - ', "En tant qu'", "Come l'",
    'I want ', "I'd like ", 'I would be able to ', 'we need ', 'möchte ich ', 'ich will ', 'wil ik ', 'ik zou graag ',
    'quiero ', 'me gustaría ', 'eu quero ', 'gostaria de ', 'voglio ', 'ho bisogno di ', 'je veux ', "j'aimerais ",
    'so that ', 'in order to ', 'so I ', 'damit ', 'so dass ', 'um ', ' zu ', 'zodat ', 'om ', ' te ', 'para que ', 'para ', 'parar ',
    'a fim de ', 'in modo che ', 'affinché ', 'per ', 'afin de ', "afin qu'", 'pour que ', 'pour ', 'pourrir ',
    ...vocabularies.flatMap((v) => v.metricTerms.map((t) => `${t} `)),
    ...vocabularies.flatMap((v) => v.metricHeads.map((h) => `x ${h} `)),
    ...vocabularies.flatMap((v) => v.targetWords.map((t) => ` ${t} `)),
    ...vocabularies.flatMap((v) => v.units.map(typed)),
    ...vocabularies.flatMap((v) => v.givenWhenThen.flatMap((w) => w.split('|')).map((w) => `\n${w} `)),
    ...vocabularies.flatMap((v) => v.acceptanceHeadings.map((h) => `${h}: `)),
    ' and ', ' or ', ' and to ', ' und ', ' of ', 'Success: ', 'v1.2.3 ', '2026-11-30 ', 'HTTP 404 ', '3 story points ',
  ]),
];

/** Runs a backtracking pattern could get lost in, by kind: each kind is as likely as the others. */
const RUNS: Record<string, string[]> = {
  numbers: ['1', '9', '12.5', '1.', '1,', '1 ', '+1', '-1', '<1', '≥', '2024 ', '%', ' %'],
  punctuation: ['.', '. ', ',', ', ', ';', ':', '!', '?', '-', ' - ', '—', '/', '…', "'", '’', '"', '“', '(', ')', '[', ']', '<', '>', '$', '€', '±'],
  blanks: [' ', '  ', '\t', '\n', '\r\n', '\n\n', '\u00a0', '\u200b'],
  emphasis: ['*', '_', '+', '^', '~', '??', '*x', '_a b', '{{', '}}', '\\', '\\\\', '&#', '&amp;'],
  links: ['[a|', '[x]', '[~admin]', '!', '!a', '!x.png!', '!a|', '[http://x', 'https://x.example/a', 'http://', 'https://www.figma.com/file/a '],
  macros: ['|', '||', '{', '}', '{panel}', '{panel:title=x}', '{code}', '{noformat}', '{quote}', '{color:red}', '{html}', '{x:'],
  lines: ['* ', '\n* ', '\n** ', '\n# ', '\n- ', '\nh3. ', '\n|', '\n||', '\n|a|b|', '\nbq. ', '\n----'],
  letters: ['a', 'x', 'x ', 'ab ', 'für ', 'é', 'ß', '🎉', 'ǅ'],
  words: WORDS,
};
const run = fc.oneof(...Object.values(RUNS).map((pieces) => fc.constantFrom(...pieces)));

/** How a unit ends: glued to the next, a blank, a sentence end, a line break. */
const ENDS = ['', ' ', '. ', '\n'];

/**
 * A word then a run, the pair repeated: "conversion " + 30,000 digits, "As - " 6,000 times,
 * "{panel}" 4,000 times, "support tickets " + 2,000 digits + ". " 15 times…
 */
const segment = fc
  .record({
    head: fc.oneof(fc.constantFrom(...WORDS), run),
    run,
    length: fc.integer({ min: 1, max: MAX_CHARS }),
    end: fc.constantFrom(...ENDS),
    times: fc.integer({ min: 1, max: MAX_CHARS }),
  })
  .map(({ head, run, length, end, times }) => {
    const unit = head + run.repeat(Math.min(length, Math.ceil(MAX_CHARS / run.length))) + end;
    return unit.repeat(Math.min(times, Math.ceil(MAX_CHARS / unit.length)));
  });

export const hostileText = fc.array(segment, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('').slice(0, MAX_CHARS));

type Node = { type: string; version?: number; text?: string; attrs?: Record<string, unknown>; marks?: unknown[]; content?: Node[] };

const textNode = (value: string, mark: number): Node => {
  const marks = [[], [{ type: 'strong' }], [{ type: 'link', attrs: { href: value.slice(0, 200) } }], [{ type: 'code' }]][mark % 4]!;
  return marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value };
};

/** Inline content: the text in pieces, with line breaks, mentions and cards between them. */
function inline(value: string, piece: number, mark: number): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < value.length; i += piece) {
    if (i > 0) out.push([{ type: 'hardBreak' }, { type: 'mention', attrs: { id: 'a', text: '@Priya' } }, { type: 'inlineCard', attrs: { url: 'https://x.example/a' } }][(i / piece + mark) % 3]!);
    out.push(textNode(value.slice(i, i + piece), mark + i));
  }
  return out;
}

const para = (content: Node[]): Node => ({ type: 'paragraph', content });

/** One block holding the text: a paragraph, a deep list, a wide table, a panel, a quote, a heading, code. */
function block(value: string, shape: number, size: number, piece: number, mark: number): Node {
  const paragraph = para(inline(value, piece, mark));
  switch (shape % 7) {
    case 0:
      return paragraph;
    case 1: {
      // Nested lists, deeper than the reader follows when size is large.
      let node: Node = { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph] }] };
      for (let d = 0; d < size; d++) node = { type: 'bulletList', content: [{ type: 'listItem', content: [para([textNode('As a ', mark)]), node] }] };
      return node;
    }
    case 2: {
      // A table of many small cells, the text split between them.
      const cells: Node[] = [];
      for (let i = 0; i < value.length; i += piece) cells.push({ type: 'tableCell', attrs: {}, content: [para([textNode(value.slice(i, i + piece), mark)])] });
      const width = Math.max(1, size);
      const rows: Node[] = [];
      for (let i = 0; i < cells.length; i += width) rows.push({ type: 'tableRow', content: cells.slice(i, i + width) });
      return { type: 'table', attrs: {}, content: rows };
    }
    case 3:
      return { type: 'panel', attrs: { panelType: 'info' }, content: [paragraph, { type: 'mediaSingle', content: [{ type: 'media', attrs: { type: 'external', url: 'https://x.example/a.png' } }] }] };
    case 4:
      return { type: 'blockquote', content: [paragraph] };
    case 5:
      return { type: 'heading', attrs: { level: 3 }, content: inline(value, piece, mark) };
    default:
      return { type: 'codeBlock', content: [textNode(value, 0)] };
  }
}

/** An ADF document whose JSON is at most 32 KB: hostile text in hostile structure. */
export const hostileAdf = fc
  .array(
    fc.record({
      text: hostileText,
      shape: fc.nat(),
      size: fc.integer({ min: 1, max: 120 }),
      piece: fc.integer({ min: 1, max: MAX_CHARS }),
      mark: fc.nat(),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((blocks) => {
    const doc: Node = { type: 'doc', version: 1, content: [] };
    let budget = MAX_CHARS - JSON.stringify(doc).length;
    for (const b of blocks) {
      // Cut the text until the block fits what is left of 32 KB.
      let value = b.text;
      let node = block(value, b.shape, b.size, b.piece, b.mark);
      let length = JSON.stringify(node).length;
      while (length + 1 > budget && value.length > 0) {
        value = value.slice(0, Math.max(0, Math.floor((value.length * budget) / (length + 1)) - 1));
        node = block(value, b.shape, b.size, b.piece, b.mark);
        length = JSON.stringify(node).length;
      }
      if (length + 1 > budget) break;
      doc.content!.push(node);
      budget -= length + 1;
    }
    return doc;
  });


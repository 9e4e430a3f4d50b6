import type { CompiledLanguage } from '../compile.js';
import { MAX_SENTENCE_CHARS } from '../ticket/text.js';
import { roleAsWritten } from '../story/parse-story.js';
import type { TextBlock } from '../types.js';
import { defineRule, NO_OPTIONS } from './rule.js';

/**
 * A criteria label ("Acceptance criteria:", "h3. AC") with something after it. The label may open
 * any line, not only a block: plain text and wiki markup have no way to set a label apart but a
 * line ("…\nAcceptance criteria:\n* Given …"), where ADF makes it a paragraph of its own, and the
 * same content must give the same result in every format.
 */
function hasCriteriaSection(blocks: TextBlock[], acceptanceHeading: RegExp): boolean {
  return blocks.some((block, i) => {
    // Most blocks are one line: no split to make.
    const lines = block.text.includes('\n') ? block.text.split('\n') : [block.text];
    return lines.some((line, j) => {
      const heading = acceptanceHeading.exec(line.slice(0, MAX_SENTENCE_CHARS));
      if (!heading) return false;
      if (line.slice(heading[0].length).trim() || j < lines.length - 1) return true;
      const next = blocks[i + 1];
      return next !== undefined && next.kind !== 'heading';
    });
  });
}

/** Lower-case lines (their first MAX_SENTENCE_CHARS), with a leading "and" dropped: "And then…" counts as "then…". */
function lowerLines(blocks: TextBlock[]): string[] {
  return blocks
    .flatMap((b) => b.text.split('\n'))
    .map((l) => l.trimStart().slice(0, MAX_SENTENCE_CHARS).toLowerCase().replace(/^(?:and|und|y|e|et|en)\s+/, ''));
}

const opens = (line: string, word: string): boolean => line.startsWith(word) && !/[\p{L}\p{N}]/u.test(line.charAt(word.length));
const containsWord = (line: string, word: string): boolean => new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'u').test(line);

/** Given, When and Then each opening a line, or one line "Given …, when …, then …". */
function hasGivenWhenThen(lines: string[], lang: CompiledLanguage): boolean {
  const [given, when, then] = lang.givenWhenThen;
  if (lines.some((line) => opens(line, given) && containsWord(line, when) && containsWord(line, then))) return true;
  return lang.givenWhenThen.every((word) => lines.some((line) => opens(line, word)));
}

/** A quick test on the whole text before line starts are computed. */
const mentionsAll = (lower: string, lang: CompiledLanguage): boolean => lang.givenWhenThen.every((w) => lower.includes(w));

export const acceptanceCriteria = defineRule({
  meta: {
    id: 'acceptance-criteria',
    defaultSeverity: 'warn',
    weight: 15,
    why: 'Acceptance criteria say when the customer\'s problem is solved, so "done" means the same to the product owner, the developer and the tester.',
    docs: '#acceptance-criteria',
    optionsSchema: NO_OPTIONS,
  },
  needsStory: false,
  check({ ticket, blocks, languages, story, compiled, text }) {
    if (ticket.acceptanceCriteria.length > 0) return null;
    if (hasCriteriaSection(blocks, compiled.acceptanceHeading)) return null;
    const lower = text.toLowerCase();
    const candidates = languages.filter((lang) => mentionsAll(lower, lang));
    if (candidates.length > 0) {
      const lines = lowerLines(blocks);
      if (candidates.some((lang) => hasGivenWhenThen(lines, lang))) return null;
    }
    const who = story ? `the ${roleAsWritten(story.role, text)}` : 'the customer';
    return {
      message: 'No acceptance criteria: nothing says when this story is done.',
      hint: `Add an "Acceptance criteria" section, e.g. "Given <situation>, when ${who} <does something>, then they see <result>".`,
    };
  },
});

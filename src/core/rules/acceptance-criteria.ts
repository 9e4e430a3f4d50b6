import type { CompiledLanguage } from '../compile.js';
import { MAX_SENTENCE_CHARS } from '../ticket/text.js';
import { isPlaceholder } from '../story/parse-story.js';
import type { TextBlock } from '../types.js';
import { defineRule, NO_OPTIONS, whoIn, wordsFor } from './rule.js';

/**
 * What opens a list item written as text: "1.", "2)", "a)", a checkbox "[ ]" / "[x]", or a bullet
 * before one ("- [ ] …"). An ADF or wiki list item carries none: without them, "1. Given …" in
 * plain text reads as the same "Given …" item.
 */
const ITEM_MARK = /^(?:[-*+•]\s*)?(?:\[[ xX✓✔]?\]|\(\s?[xX✓✔]?\s?\)|\d{1,3}[.)]|[a-zA-Z][.)])\s+/;

/** Icons after a checkbox ("- [ ] ✅ Given …", "* [ ] (/) Given …"): a label, as before any other line. */
const ICONS_AFTER_MARK = /^(?:[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f\u20e3]|\((?:[xyni!/?*+-]|on|off)\)|\s){1,20}/u;

/** A line without its list mark and the icons after one. */
const unmarked = (line: string): string => {
  const bare = line.replace(ITEM_MARK, '');
  return bare === line ? bare : bare.replace(ICONS_AFTER_MARK, '');
};

/** A template's slots ("<situation>", "[result]", "…", "..."), each bounded. */
const SLOT = /<[^<>\n]{0,60}>|\[[^[\]\n]{0,60}\]|\{\{?[^{}\n]{0,60}\}?\}|…+|\.{3,}|_{2,}/gu;
const MAY_HOLD_SLOT = /[<[{…_]|\.\.\./;

const FIRST_WORD = /^[\s*_`~"“”‘’]*([\p{L}\p{N}]+)/u;
const openers = new WeakMap<CompiledLanguage[], Set<string>>();

/**
 * The words a placeholder may open with, in any of the languages ("tbd", "à", "nog", and articles:
 * "the tbd"): a criterion that opens with none is real, with no placeholder list searched.
 */
function placeholderOpeners(languages: CompiledLanguage[]): Set<string> {
  let words = openers.get(languages);
  if (!words) {
    const phrases = languages.flatMap((lang) => [...lang.placeholders, ...lang.vocab.articles]);
    words = new Set(phrases.map((p) => FIRST_WORD.exec(p)?.[1]?.toLowerCase() ?? p));
    openers.set(languages, words);
  }
  return words;
}

/**
 * True when a criterion only holds a place: "TBD", "…", "pendiente", "À définir", or Given/When/Then
 * around slots ("Dado ..., quando ..., então ..."). A template's criteria are not criteria.
 */
function isPlaceholderCriterion(line: string, languages: CompiledLanguage[]): boolean {
  const bare = line.slice(0, MAX_SENTENCE_CHARS).trim().replace(ITEM_MARK, '').trim();
  if (!/[\p{L}\p{N}]/u.test(bare)) return true;
  if (MAY_HOLD_SLOT.test(bare)) {
    const rest = bare.replace(SLOT, ' ');
    if (rest !== bare) {
      const keywords = new Set(languages.flatMap((lang) => lang.givenWhenThen.flat().flatMap((w) => w.split(' '))));
      const words = rest.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w && !keywords.has(w) && !/^(?:and|und|y|e|et|en|i)$/.test(w));
      if (words.length === 0) return true;
    }
  }
  const first = FIRST_WORD.exec(bare)?.[1]?.toLowerCase();
  if (first !== undefined && !placeholderOpeners(languages).has(first)) return false;
  return languages.some((lang) => isPlaceholder(bare, lang));
}

/** Lines a section is read to, at most: enough for any real list of criteria, and a bound on the work. */
const MAX_SECTION_LINES = 50;

const linesOf = (text: string): string[] => (text.includes('\n') ? text.split('\n') : [text]);

/**
 * A criteria label ("Acceptance criteria:", "h3. AC") with a criterion after it: on its line, on
 * the block's next lines, or in the block after it (with the rest of its list: blocks of the same
 * kind that follow, so no paragraph after the list is taken for a criterion). The label may open any line,
 * not only a block: plain text and wiki markup have no way to set a label apart but a line
 * ("…\nAcceptance criteria:\n* Given …"), where ADF makes it a paragraph of its own, and the same
 * content must give the same result in every format. A section of placeholders ("- TBD", "* …") is empty.
 */
function hasCriteriaSection(blocks: TextBlock[], acceptanceHeading: RegExp, languages: CompiledLanguage[]): boolean {
  for (let i = 0; i < blocks.length; i++) {
    const lines = linesOf(blocks[i]!.text);
    for (let j = 0; j < lines.length; j++) {
      const line = lines[j]!;
      const heading = acceptanceHeading.exec(line.slice(0, MAX_SENTENCE_CHARS));
      if (!heading) continue;
      const section = [line.slice(heading[0].length), ...lines.slice(j + 1, j + 1 + MAX_SECTION_LINES)];
      const next = blocks[i + 1];
      for (let k = i + 1; next && next.kind !== 'heading' && blocks[k]?.kind === next.kind && section.length < MAX_SECTION_LINES; k++) {
        section.push(...linesOf(blocks[k]!.text).slice(0, MAX_SECTION_LINES));
      }
      if (section.slice(0, MAX_SECTION_LINES).some((c) => c.trim() && !isPlaceholderCriterion(c, languages))) return true;
    }
  }
  return false;
}

/** Lower-case lines (their first MAX_SENTENCE_CHARS), list marks and a leading "and" dropped: "And then…" counts as "then…". */
function lowerLines(blocks: TextBlock[], languages: CompiledLanguage[]): string[] {
  return blocks
    .flatMap((b) => b.text.split('\n'))
    .filter((l) => !MAY_HOLD_SLOT.test(l) || !isPlaceholderCriterion(l, languages))
    .map((l) => unmarked(l.trimStart().slice(0, MAX_SENTENCE_CHARS)).toLowerCase().replace(/^(?:and|und|y|e|et|en)\s+/, ''));
}

const opens = (line: string, word: string): boolean => line.startsWith(word) && !/[\p{L}\p{N}]/u.test(line.charAt(word.length));
const containsWord = (line: string, word: string): boolean => new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(line);

/** Given, When and Then each opening a line, or one line "Given …, when …, then …". */
function hasGivenWhenThen(lines: string[], lang: CompiledLanguage): boolean {
  const [given, when, then] = lang.givenWhenThen;
  const opensAny = (line: string, words: string[]) => words.some((w) => opens(line, w));
  const containsAny = (line: string, words: string[]) => words.some((w) => containsWord(line, w));
  if (lines.some((line) => opensAny(line, given) && containsAny(line, when) && containsAny(line, then))) return true;
  return lang.givenWhenThen.every((words) => lines.some((line) => opensAny(line, words)));
}

/** A quick test on the whole text before line starts are computed. */
const mentionsAll = (lower: string, lang: CompiledLanguage): boolean => lang.givenWhenThen.every((words) => words.some((w) => lower.includes(w)));

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
  check(ctx) {
    const { ticket, blocks, languages, story, compiled, text } = ctx;
    if (ticket.acceptanceCriteria.length > 0) return null;
    if (hasCriteriaSection(blocks, compiled.acceptanceHeading, languages)) return null;
    const lower = text.toLowerCase();
    const candidates = languages.filter((lang) => mentionsAll(lower, lang));
    if (candidates.length > 0) {
      const lines = lowerLines(blocks, languages);
      if (candidates.some((lang) => hasGivenWhenThen(lines, lang))) return null;
    }
    const t = wordsFor(ctx);
    return { message: t('acceptanceCriteria.none'), hint: t('acceptanceCriteria.hint', { role: whoIn(story, text, t) }) };
  },
});

/**
 * The labelled lines and headings of an epic: "Customer: night nurses on a ward", "## How will we
 * know?" with a paragraph under it, "Press release", "FAQ". Which question or PR/FAQ part a label
 * opens is vocabulary (`epicQuestions`, `prfaqLabels` of each language).
 */
import type { CompiledConfig } from '../compile.js';
import type { Vocabulary } from '../config-types.js';
import type { TextBlock } from '../types.js';

export const EPIC_QUESTIONS = ['customer', 'problem', 'benefit', 'metric', 'experience'] as const;
export type EpicQuestion = (typeof EPIC_QUESTIONS)[number];

/** What a PR/FAQ label opens: a line linking the whole document, or one of its two sections. */
export type PrfaqPart = 'document' | 'pressRelease' | 'faq';
export type LabelKind = EpicQuestion | PrfaqPart;

interface LabelPatterns {
  /** One line: the label in group 1, what follows it on the line in group 2. */
  line: RegExp;
  /** Multiline: does the block hold a label at all (most blocks do not). */
  anywhere: RegExp;
  /** The label as matched (lower case, blanks collapsed) -> what it opens. */
  kinds: Map<string, LabelKind>;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const key = (label: string): string => label.toLowerCase().replace(/[\s-]+/g, ' ').trim();

const cache = new WeakMap<CompiledConfig, LabelPatterns>();

function labelsOf(v: Vocabulary): Array<[string, LabelKind]> {
  const out: Array<[string, LabelKind]> = [];
  for (const q of EPIC_QUESTIONS) for (const l of v.epicQuestions[q]) out.push([l, q]);
  for (const part of ['document', 'pressRelease', 'faq'] as const) for (const l of v.prfaqLabels[part]) out.push([l, part]);
  return out;
}

/**
 * A label opening a line (after a Markdown heading's #'s, bold or italic marks, "¿"): then a colon,
 * a question mark, a spaced dash, or the end of the line (a heading). "Problem-solving" is no label.
 * Every run is bounded, so a line is matched in linear time.
 */
function patternsOf(compiled: CompiledConfig): LabelPatterns {
  let patterns = cache.get(compiled);
  if (!patterns) {
    const kinds = new Map<string, LabelKind>();
    // The first language, and within it the first question, that lists a label keeps it.
    for (const lang of compiled.languages) for (const [label, kind] of labelsOf(lang.vocab)) if (!kinds.has(key(label))) kinds.set(key(label), kind);
    const sources = [...kinds.keys()].sort((a, b) => b.length - a.length).map((l) => escape(l).replace(/ /g, '[\\s-]+'));
    const labels = sources.length > 0 ? sources.join('|') : '(?!)';
    const gap = '[^\\S\\n]{0,20}';
    const source = `^${gap}(?:#{1,6}${gap})?[*_]{0,2}[¿¡]?(${labels})[*_]{0,2}(?:${gap}(?:[:：]|\\?${gap}[:：]?)|[^\\S\\n]{1,20}[-–—])[*_]{0,2}${gap}(.*)$|^${gap}(?:#{1,6}${gap})?[*_]{0,2}[¿¡]?(${labels})[*_]{0,2}${gap}$`;
    patterns = { line: new RegExp(source, 'iu'), anywhere: new RegExp(source, 'imu'), kinds };
    cache.set(compiled, patterns);
  }
  return patterns;
}

/** A label as found: what it opens, where it stands, and what follows it on its line. */
export interface LabelAt {
  kind: LabelKind;
  block: number;
  /** The lines of its block, split once for every label in it. */
  lines: string[];
  line: number;
  rest: string;
}

/** A label's section: the lines under it in its block, and for a label ending its block (a heading), the blocks after it. */
export interface LabelSection {
  /** The lines after the label's line in its block, up to the next label. */
  under: string[];
  /** Whether `under` runs to the end of the block (no other label after it there). */
  toBlockEnd: boolean;
  /** The blocks after the label's block up to the next heading (at most MAX_SECTION_BLOCKS); none when the label has text on its line or under it. */
  after: TextBlock[];
}

/** A section longer than this many blocks is read no further: a PR/FAQ link stands near its label. */
const MAX_SECTION_BLOCKS = 20;

/** An epic labels a few dozen lines at most: past this many labels, a description is read no further. */
const MAX_LABELS = 100;

/** Every label the blocks hold, in reading order (code left out), up to MAX_LABELS; most blocks cost one test. */
export function labelsIn(blocks: TextBlock[], compiled: CompiledConfig): LabelAt[] {
  const { line: pattern, anywhere, kinds } = patternsOf(compiled);
  const found: LabelAt[] = [];
  for (let i = 0; i < blocks.length && found.length < MAX_LABELS; i++) {
    const block = blocks[i]!;
    if (block.kind === 'code' || !anywhere.test(block.text)) continue;
    const lines = block.text.split('\n');
    for (let j = 0; j < lines.length && found.length < MAX_LABELS; j++) {
      const match = pattern.exec(lines[j]!);
      const kind = match ? kinds.get(key(match[1] ?? match[3] ?? '')) : undefined;
      if (kind) found.push({ kind, block: i, lines, line: j, rest: match![2]?.trim() ?? '' });
    }
  }
  return found;
}

/** A line that opens a section of its own: a label, or a Markdown heading typed as text ("## Scope"). */
function opensSection(line: string, pattern: RegExp): boolean {
  return /^\s{0,20}#{1,6}\s/.test(line) || pattern.test(line);
}

const firstLine = (text: string): string => {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
};

/** The section a label opens (see LabelSection). */
export function sectionOf(at: LabelAt, blocks: TextBlock[], compiled: CompiledConfig): LabelSection {
  const { line: pattern } = patternsOf(compiled);
  const { lines } = at;
  const under: string[] = [];
  let k = at.line + 1;
  for (; k < lines.length && !opensSection(lines[k]!, pattern); k++) under.push(lines[k]!);
  const toBlockEnd = k >= lines.length;
  const after: TextBlock[] = [];
  if (!at.rest && toBlockEnd && !under.some((l) => l.trim())) {
    for (let b = at.block + 1; b < blocks.length && after.length < MAX_SECTION_BLOCKS; b++) {
      const block = blocks[b]!;
      if (block.kind === 'heading' || opensSection(firstLine(block.text), pattern)) break;
      after.push(block);
    }
  }
  return { under, toBlockEnd, after };
}

/** Each label the blocks hold, first one of a kind kept, with what it says: on its line, under it in its block, or in the next block. */
export function labelledSections(labels: LabelAt[], blocks: TextBlock[], compiled: CompiledConfig): Map<LabelKind, string> {
  const found = new Map<LabelKind, string>();
  for (const at of labels) {
    if (found.get(at.kind)) continue;
    if (at.rest) {
      found.set(at.kind, at.rest);
      continue;
    }
    const section = sectionOf(at, blocks, compiled);
    const first = section.after[0];
    found.set(at.kind, section.under.join('\n').trim() || (first && first.kind !== 'code' ? first.text.trim() : ''));
  }
  return found;
}

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

/** Each label the blocks hold, first one of a kind kept, with what it says: on its line, under it in its block, or in the next block. */
export function labelledSections(blocks: TextBlock[], compiled: CompiledConfig): Map<LabelKind, string> {
  const { line: pattern, anywhere, kinds } = patternsOf(compiled);
  const found = new Map<LabelKind, string>();
  blocks.forEach((block, i) => {
    if (block.kind === 'code' || !anywhere.test(block.text)) return;
    const lines = block.text.split('\n');
    lines.forEach((line, j) => {
      const match = pattern.exec(line);
      if (!match) return;
      const kind = kinds.get(key(match[1] ?? match[3] ?? ''));
      if (!kind || found.get(kind)) return;
      found.set(kind, match[2]?.trim() || under(lines, j, pattern) || nextText(blocks[i + 1]));
    });
  });
  return found;
}

/** The lines under a label in its block, up to the next label. */
function under(lines: string[], at: number, label: RegExp): string {
  const out: string[] = [];
  for (let k = at + 1; k < lines.length && !label.test(lines[k]!); k++) out.push(lines[k]!);
  return out.join('\n').trim();
}

/** A heading's content: the paragraph, list or table after it. */
const nextText = (next: TextBlock | undefined): string => (next && next.kind !== 'heading' && next.kind !== 'code' ? next.text.trim() : '');

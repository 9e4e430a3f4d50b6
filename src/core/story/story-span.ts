import type { CompiledConfig } from '../compile.js';
import type { Story } from '../types.js';
import { locateStory, parseStory, placeholderBenefit } from './parse-story.js';

/** Where a story sits in a text: [start, end), from its role marker to the end of its last clause. */
export interface Span {
  start: number;
  end: number;
}

/** Same clauses, and the same placeholder benefit: a span must not leave "so that TBD" behind. */
const sameStory = (a: Story | null, b: Story): boolean =>
  a !== null && a.role === b.role && a.goal === b.goal && a.benefit === b.benefit && a.language === b.language &&
  placeholderBenefit(a) === placeholderBenefit(b);

/** Places the story may end: before a blank or a line break, after the last character. */
function cutPoints(text: string, from: number): number[] {
  const cuts: number[] = [];
  for (let i = from + 1; i < text.length; i++) if (/\s/.test(text.charAt(i)) && !/\s/.test(text.charAt(i - 1))) cuts.push(i);
  cuts.push(text.length);
  return cuts;
}

/**
 * The shortest end at which the text from `start` still parses to the whole story. A clause ends at
 * a sentence end or a line end, so a longer slice parses the same: the first such cut is found by
 * bisection (a few parses, not one per word).
 */
function storyEnd(text: string, start: number, story: Story, compiled: CompiledConfig): number {
  const cuts = cutPoints(text, start);
  let lo = 0;
  let hi = cuts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sameStory(parseStory([text.slice(start, cuts[mid])], compiled), story)) hi = mid;
    else lo = mid + 1;
  }
  return cuts[lo]!;
}

const balanced = (s: string): boolean => (s.split('*').length - 1) % 2 === 0 && (s.split('_').length - 1) % 2 === 0;

/**
 * The parser reads past emphasis ("*As a user*, I want…"): a marker just outside the span goes
 * with it when that pairs a marker inside, so no lone "*" is left behind ("*story*" stays bold).
 */
function withEmphasis(text: string, { start, end }: Span): Span {
  let before = start;
  while (before > 0 && /[*_]/.test(text.charAt(before - 1))) before--;
  let after = end;
  while (after < text.length && /[*_]/.test(text.charAt(after))) after++;
  let inner = end;
  while (inner > start && /[*_]/.test(text.charAt(inner - 1))) inner--;
  const options = [{ start, end }, { start, end: inner }, { start: before, end }, { start, end: after }, { start: before, end: after }];
  return options.find((o) => balanced(text.slice(o.start, o.end))) ?? { start, end };
}

/**
 * The span of the first story in `text`, as the parser reads it: from its role marker ("As a") to
 * the end of its benefit sentence (or of its goal sentence when it has no benefit). Null when the
 * text holds no story, or none whose start can be pinned down.
 */
export function storySpan(text: string, compiled: CompiledConfig): Span | null {
  const found = locateStory(text, compiled);
  if (!found) return null;
  const { story, start } = found;
  // Read from its start the text must give the same story, or the span is not the story's.
  if (!sameStory(parseStory([text.slice(start)], compiled), story)) return null;
  let end = storyEnd(text, start, story, compiled);
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return withEmphasis(text, { start, end });
}

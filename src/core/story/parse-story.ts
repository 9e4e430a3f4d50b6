import { ROLE_REACH, type CompiledConfig, type CompiledLanguage } from '../compile.js';
import { MAX_SENTENCE_CHARS } from '../ticket/text.js';
import type { Story } from '../types.js';

const MARKUP = /(^|[\s(])[*_]{1,2}(?=\S)|(?<=\S)[*_]{1,2}(?=$|[\s,.:;!?)])/gmu;
const TRAILING_CHARS = new Set(',.;:!?-–—)"\'”');
const isTrailing = (c: string): boolean => TRAILING_CHARS.has(c) || c.trim() === '';
const LEADING = /^[\s,;:\-–—("'“]+/u;
const SENTENCE_END = /[.!?](?=\s|$)/u;

/** Where a story may start: the text's start, a new line, or after punctuation. */
const STORY_START = /[\n.!?:;\])\-–—|>"“]\s*/g;

/** A text as the parser reads it, and where it removed markup (to map its offsets back). */
interface Prepared {
  text: string;
  /** [offset in `text` where markers were removed, markers removed up to there], in order. */
  removed: Array<[number, number]>;
}

/** Typographic apostrophes and emphasis markers would hide "I’d like" or "*As a*". */
function prepare(raw: string): Prepared {
  const plain = raw.includes('’') || raw.includes('‘') ? raw.replace(/[’‘]/g, "'") : raw;
  if (!plain.includes('*') && !plain.includes('_')) return { text: plain, removed: [] };
  const removed: Array<[number, number]> = [];
  let text = '';
  let from = 0;
  let total = 0;
  for (const m of plain.matchAll(MARKUP)) {
    const kept = m[1] ?? '';
    text += plain.slice(from, m.index) + kept;
    total += m[0].length - kept.length;
    removed.push([text.length, total]);
    from = m.index + m[0].length;
  }
  return { text: text + plain.slice(from), removed };
}

/** The offset in the raw text of an offset in the prepared one. */
function rawOffset({ removed }: Prepared, at: number): number {
  let total = 0;
  for (const [where, upTo] of removed) {
    if (where > at) break;
    total = upTo;
  }
  return at + total;
}

/** The next position at or after `from` where a story may start; -1 when there is none. */
function nextStart(text: string, from: number): number {
  if (from === 0) return text.length - text.trimStart().length;
  STORY_START.lastIndex = from - 1;
  const m = STORY_START.exec(text);
  return m ? m.index + m[0].length : -1;
}

/** Trailing punctuation off, by a loop: /[…]+$/ retries every start of a run, quadratic on long runs. */
function trimTrailing(s: string): string {
  let end = s.length;
  while (end > 0 && isTrailing(s.charAt(end - 1))) end--;
  return s.slice(0, end);
}

function tidy(s: string): string {
  return trimTrailing(s.replace(LEADING, '')).replace(/\s+/g, ' ');
}

/** Lower case, no article, no markup, no trailing punctuation; a qualifier after a comma is dropped. */
export function normaliseRole(raw: string, lang: CompiledLanguage): string {
  let role = raw.replace(/[*_`~{}[\]]/g, '').split(',')[0] ?? '';
  role = tidy(role).toLowerCase();
  role = role.replace(lang.articles, '');
  return tidy(role);
}

function isNonRole(text: string, at: number, lang: CompiledLanguage): boolean {
  const head = text.slice(at, at + 40).toLowerCase();
  return lang.nonRolePhrases.some((p) => head.startsWith(p) && !/[\p{L}]/u.test(head.charAt(p.length)));
}

/**
 * The line from `from`, at most MAX_SENTENCE_CHARS of it (the benefit marker is looked for in it);
 * the line break is looked for only that far.
 */
function lineAt(text: string, from: number): string {
  const head = text.slice(from, from + MAX_SENTENCE_CHARS);
  const end = head.indexOf('\n');
  return end === -1 ? head : head.slice(0, end);
}

/** A goal or benefit longer than this is not a story clause; the cap keeps trimming linear. */
const MAX_CLAUSE = 600;

function untilSentenceEnd(s: string): string {
  const m = SENTENCE_END.exec(s);
  return (m ? s.slice(0, m.index) : s).slice(0, MAX_CLAUSE);
}

function splitGoal(text: string, goalStart: number, lang: CompiledLanguage): { goal: string; benefit: string | null } {
  const line = lineAt(text, goalStart);
  const marker = lang.benefitMarker.exec(line);
  if (marker) {
    return {
      goal: untilSentenceEnd(line.slice(0, marker.index)),
      benefit: untilSentenceEnd(line.slice(marker.index + marker[0].length)),
    };
  }
  // A template over several lines: "I want: …" then "So that: …" on the next line.
  const nextLine = goalStart + line.length;
  lang.lineStartsWithBenefit.lastIndex = nextLine;
  const onNext = lang.lineStartsWithBenefit.exec(text);
  const benefit = onNext ? untilSentenceEnd(lineAt(text, nextLine + onNext[0].length)) : null;
  return { goal: untilSentenceEnd(line), benefit };
}

/**
 * Where each language's next goal marker is, found once and reused as the parser moves on: a role
 * marker with none in reach ("As - As - As - …") is passed over without trying every role length.
 */
class GoalMarkers {
  private readonly found = new Map<CompiledLanguage, { from: number; at: number }>();
  constructor(private readonly text: string) {}

  /** The start of the first goal marker of `lang` at or after `from`; Infinity when there is none. */
  next(lang: CompiledLanguage, from: number): number {
    const known = this.found.get(lang);
    if (known && known.from <= from && from <= known.at) return known.at;
    lang.goalMarker.lastIndex = from;
    const m = lang.goalMarker.exec(this.text);
    const at = m ? m.index : Number.POSITIVE_INFINITY;
    this.found.set(lang, { from, at });
    return at;
  }
}

function storyAt(text: string, at: number, lang: CompiledLanguage, goals: GoalMarkers): Story | null {
  lang.roleMarker.lastIndex = at;
  const m = lang.roleMarker.exec(text);
  if (!m || isNonRole(text, at, lang)) return null;
  const roleEnd = at + m[0].length;
  if (goals.next(lang, roleEnd) > roleEnd + ROLE_REACH) return null;
  lang.roleThenGoal.lastIndex = roleEnd;
  const rg = lang.roleThenGoal.exec(text);
  if (!rg) return null;
  const goalStart = rg.index + rg[0].length;
  // A goal empty to its sentence's end is empty whatever else the line holds: no need to read the
  // role or search the line for a benefit (thousands of "As a x, I want." would each do both).
  if (!tidy(untilSentenceEnd(lineAt(text, goalStart)))) return null;
  const role = normaliseRole(rg[1] ?? '', lang);
  if (!role) return null;
  const { goal, benefit } = splitGoal(text, goalStart, lang);
  const cleanGoal = tidy(goal).replace(/^to\s+/i, '');
  if (!cleanGoal) return null;
  const cleanBenefit = benefit === null ? null : tidy(benefit);
  return { role, goal: cleanGoal, benefit: cleanBenefit || null, language: lang.code };
}

/** The first story in the text, at the earliest position, in the first language that reads it. */
function firstStory(text: string, { languages, roleInitials }: CompiledConfig): { story: Story; at: number } | null {
  const anyInitial = roleInitials.has('*');
  const goals = new GoalMarkers(text);
  for (let at = nextStart(text, 0); at >= 0 && at < text.length; at = nextStart(text, at + 1)) {
    if (!anyInitial && !roleInitials.has(text.charAt(at).toLowerCase())) continue;
    for (const lang of languages) {
      const story = storyAt(text, at, lang, goals);
      if (story) return { story, at };
    }
  }
  return null;
}

/**
 * Finds the user story in the given texts (summary first, then the description), in the first
 * language whose markers match. A story with a benefit beats one without.
 */
export function parseStory(texts: string[], compiled: CompiledConfig): Story | null {
  let fallback: Story | null = null;
  for (const raw of texts) {
    if (!raw) continue;
    const story = firstStory(prepare(raw).text, compiled)?.story ?? null;
    if (story?.benefit) return story;
    fallback ??= story;
  }
  return fallback;
}

/**
 * The story parseStory([text]) finds, and where in `text` its role marker starts: where the
 * parser itself found it, so no search over the text's words is needed to place it.
 */
export function locateStory(text: string, compiled: CompiledConfig): { story: Story; start: number } | null {
  const prepared = prepare(text);
  const found = firstStory(prepared.text, compiled);
  return found && { story: found.story, start: rawOffset(prepared, found.at) };
}

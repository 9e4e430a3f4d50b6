import type { CompiledConfig, CompiledLanguage } from '../compile.js';
import type { Story } from '../types.js';

const MARKUP = /(^|[\s(])[*_]{1,2}(?=\S)|(?<=\S)[*_]{1,2}(?=$|[\s,.:;!?)])/gmu;
const TRAILING = /[\s,.;:!?\-–—)"'”]+$/u;
const LEADING = /^[\s,;:\-–—("'“]+/u;
const SENTENCE_END = /[.!?](?=\s|$)/u;

/** Where a story may start: the text's start, a new line, or after punctuation. */
const STORY_START = /[\n.!?:;\])\-–—|>"“]\s*/g;

/** Typographic apostrophes and emphasis markers would hide "I’d like" or "*As a*". */
function prepare(text: string): string {
  const plain = text.includes('’') || text.includes('‘') ? text.replace(/[’‘]/g, "'") : text;
  return plain.includes('*') || plain.includes('_') ? plain.replace(MARKUP, '$1') : plain;
}

/** The next position at or after `from` where a story may start; -1 when there is none. */
function nextStart(text: string, from: number): number {
  if (from === 0) return text.length - text.trimStart().length;
  STORY_START.lastIndex = from - 1;
  const m = STORY_START.exec(text);
  return m ? m.index + m[0].length : -1;
}

function tidy(s: string): string {
  return s.replace(LEADING, '').replace(TRAILING, '').replace(/\s+/g, ' ');
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

function lineAt(text: string, from: number): string {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.slice(from) : text.slice(from, end);
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

function storyAt(text: string, at: number, lang: CompiledLanguage): Story | null {
  lang.roleMarker.lastIndex = at;
  const m = lang.roleMarker.exec(text);
  if (!m || isNonRole(text, at, lang)) return null;
  lang.roleThenGoal.lastIndex = at + m[0].length;
  const rg = lang.roleThenGoal.exec(text);
  if (!rg) return null;
  const role = normaliseRole(rg[1] ?? '', lang);
  if (!role) return null;
  const { goal, benefit } = splitGoal(text, rg.index + rg[0].length, lang);
  const cleanGoal = tidy(goal).replace(/^to\s+/i, '');
  if (!cleanGoal) return null;
  const cleanBenefit = benefit === null ? null : tidy(benefit);
  return { role, goal: cleanGoal, benefit: cleanBenefit || null, language: lang.code };
}

/** The first story in the text, at the earliest position, in the first language that reads it. */
function firstStory(text: string, { languages, roleInitials }: CompiledConfig): Story | null {
  const anyInitial = roleInitials.has('*');
  for (let at = nextStart(text, 0); at >= 0 && at < text.length; at = nextStart(text, at + 1)) {
    if (!anyInitial && !roleInitials.has(text.charAt(at).toLowerCase())) continue;
    for (const lang of languages) {
      const story = storyAt(text, at, lang);
      if (story) return story;
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
    const story = firstStory(prepare(raw), compiled);
    if (story?.benefit) return story;
    fallback ??= story;
  }
  return fallback;
}

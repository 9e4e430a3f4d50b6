import type { CompiledLanguage } from '../compile.js';
import type { Story } from '../types.js';

const MARKUP = /(^|[\s(])[*_]{1,2}(?=\S)|(?<=\S)[*_]{1,2}(?=$|[\s,.:;!?)])/gmu;
const TRAILING = /[\s,.;:!?\-–—)"'”]+$/u;
const LEADING = /^[\s,;:\-–—("'“]+/u;
const SENTENCE_END = /[.!?](?=\s|$)/u;

/** Typographic apostrophes and emphasis markers would hide "I’d like" or "*As a*". */
function prepare(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(MARKUP, '$1');
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

function untilSentenceEnd(s: string): string {
  const m = SENTENCE_END.exec(s);
  return m ? s.slice(0, m.index) : s;
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

function parseIn(text: string, lang: CompiledLanguage): Story | null {
  lang.roleMarker.lastIndex = 0;
  for (let m = lang.roleMarker.exec(text); m; m = lang.roleMarker.exec(text)) {
    if (isNonRole(text, m.index, lang)) continue;
    lang.roleThenGoal.lastIndex = m.index + m[0].length;
    const rg = lang.roleThenGoal.exec(text);
    if (!rg) continue;
    const role = normaliseRole(rg[1] ?? '', lang);
    if (!role) continue;
    const { goal, benefit } = splitGoal(text, rg.index + rg[0].length, lang);
    const cleanGoal = tidy(goal).replace(/^to\s+/i, '');
    if (!cleanGoal) continue;
    const cleanBenefit = benefit === null ? null : tidy(benefit);
    return { role, goal: cleanGoal, benefit: cleanBenefit || null, language: lang.code };
  }
  return null;
}

/**
 * Finds the user story in the given texts (summary first, then the description), in the first
 * language whose markers match. A story with a benefit beats one without.
 */
export function parseStory(texts: string[], languages: CompiledLanguage[]): Story | null {
  let fallback: Story | null = null;
  for (const raw of texts) {
    if (!raw) continue;
    const text = prepare(raw);
    for (const lang of languages) {
      const story = parseIn(text, lang);
      if (!story) continue;
      if (story.benefit) return story;
      fallback ??= story;
      break;
    }
  }
  return fallback;
}

/**
 * The digest's line per epic: how many of its stories were linted, their average score, and how
 * many are for the epic's own persona ("SHOP-1: 3 stories, average 72, 2 of 3 for "night nurse"").
 * Pure: the flow reads the epics' stored reports, buildDigest the stories' lints.
 */
import type { LintRecord } from '../digest.js';
import type { Locale } from '../i18n/locales.js';
import { digestText } from '../i18n/messages/digest/index.js';

/** An epic of the scope as stored: its key and the customer its report names. */
export interface EpicFact {
  key: string;
  persona: string | null;
}

export interface EpicLine {
  key: string;
  /** Its stories linted in the digest's periods (each one's latest lint). */
  stories: number;
  averageScore: number;
  /** The epic's persona; null when it names none. */
  persona: string | null;
  /** How many of the stories are for that persona. */
  forPersona: number;
}

/** The digest names at most this many epics, those with the most stories first. */
export const MAX_EPIC_LINES = 10;

const flat = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * A story's role is the epic's persona: the same words, or one the start of the other up to a
 * plural ending ("night nurse" of "night nurses on a ward"). Cheap, and never a guess across words.
 */
export function samePersona(role: string, persona: string): boolean {
  const a = flat(role);
  const b = flat(persona);
  if (!a || !b) return false;
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short) && /^(?:e?s)?(?:\s|$)/.test(long.slice(short.length));
}

/** One line per epic with stories among the states (each story's latest lint), most stories first. */
export function epicLinesOf(epics: EpicFact[], states: LintRecord[]): EpicLine[] {
  const known = new Map(epics.map((e) => [e.key, e]));
  const byEpic = new Map<string, LintRecord[]>();
  for (const s of states) {
    if (!s.epicKey || !known.has(s.epicKey)) continue;
    const list = byEpic.get(s.epicKey);
    if (list) list.push(s);
    else byEpic.set(s.epicKey, [s]);
  }
  return [...byEpic]
    .map(([key, stories]): EpicLine => {
      const persona = known.get(key)!.persona;
      return {
        key,
        stories: stories.length,
        averageScore: Math.round(stories.reduce((sum, s) => sum + s.score, 0) / stories.length),
        persona,
        forPersona: persona ? stories.filter((s) => s.role !== null && samePersona(s.role, persona)).length : 0,
      };
    })
    .sort((a, b) => b.stories - a.stories || a.key.localeCompare(b.key))
    .slice(0, MAX_EPIC_LINES);
}

export interface EpicWording {
  /** A ticket key as the target format shows it (a link). */
  key: (key: string) => string;
  /** A persona as the target format shows it (escaped: it is the epic's text). */
  persona: (persona: string) => string;
  /** The language of the lines (English when absent). */
  locale?: Locale;
}

/** The lines, without a heading: "SHOP-1: 3 stories, average 72, 2 of 3 for "night nurse"". */
export function epicLineTexts(lines: EpicLine[], w: EpicWording): string[] {
  const t = digestText(w.locale);
  return lines.map((l) => {
    const values = { key: w.key(l.key), count: l.stories, score: l.averageScore };
    return l.persona ? t('epic.linePersona', { ...values, forPersona: l.forPersona, persona: w.persona(l.persona) }) : t('epic.line', values);
  });
}

import { patternProblem, WORD_END, WORD_START, wordsOf, type CompiledConfig, type CompiledLanguage } from '../compile.js';

/**
 * The story forms besides "As a …, I want …": job stories ("When …, I want …, so I can …") and
 * benefit-first stories ("In order to …, as a …, I want …"). Their markers are compiled once per
 * configuration, beside (not inside) compile(): the parser asks for them only when a text holds no
 * user story with a benefit, so the common path never builds them.
 */

/** The longest situation read ("I'm re-ordering supplies at the end of a night shift" is 55). */
const MAX_SITUATION = 200;
const MAX_GAP = 40;
/** How far after a situation marker its motivation marker may start. */
export const SITUATION_REACH = MAX_SITUATION + MAX_GAP;

export interface FormLanguage {
  lang: CompiledLanguage;
  /** Sticky: a situation marker ("When", "Wenn", "Als ik") and the blanks after it. */
  situationMarker: RegExp | null;
  /** Global: the next motivation marker; none near a situation marker means no job story there. */
  motivationMarker: RegExp | null;
  /** Sticky: the situation (group 1), then the motivation marker (group 2), from the situation marker's end. */
  situationThenMotivation: RegExp | null;
  /** Whole: a motivation marker that opens a job story only after a first-person situation ("I need", "we want"). */
  firstPersonMotivation: RegExp | null;
  /** Anchored: a situation that opens in the first person ("I …", "we …", "ich …", "repongo …"). */
  firstPersonSituation: RegExp | null;
  /** Sticky: a benefit or purpose marker opening a sentence ("In order to", "So that", "Para"). */
  benefitOpener: RegExp | null;
  /** Lower case: words that name no moment, context or trigger, with the language's pronouns, articles and modals. */
  genericSituationWords: Set<string>;
}

export interface StoryForms {
  languages: FormLanguage[];
  /**
   * By a sentence's first two letters (see startKey), the languages with a benefit opener and those
   * with a situation marker that start so: most sentence starts have none, and no regex runs there.
   */
  byStart: Map<string, StartForms>;
  /** A marker starts with regex syntax rather than a letter: every language is tried everywhere. */
  anyStart: StartForms | null;
  /**
   * Global, multiline: a line that opens with an acceptance-criteria or steps-to-reproduce label, in
   * any language ("Steps to reproduce:", "## Akzeptanzkriterien"): no job story is read after one.
   */
  stepsLabel: RegExp;
}

export interface StartForms {
  openers: FormLanguage[];
  situations: FormLanguage[];
}

/**
 * The first two letters at `at`, lower case; a one-letter word is its letter and a blank ("A fim
 * de" gives "a "). A marker's key is the same of its leading letters.
 */
export function startKey(text: string, at: number): string {
  const second = text.charAt(at + 1);
  return text.charAt(at).toLowerCase() + (second.toLowerCase() !== second.toUpperCase() ? second.toLowerCase() : ' ');
}

const byLengthDesc = (a: string, b: string): number => b.length - a.length;
const alternation = (sources: string[]): string => `(?:${[...sources].sort(byLengthDesc).join('|')})`;
/** A marker ending in an apostrophe ("lorsqu'") is glued to the next word: no boundary after it. */
const bounded = (m: string): string => (m.endsWith("'") ? m : `${m}${WORD_END}`);

/**
 * A language's job-story and benefit-first patterns, each made when first read and kept (null when
 * the language has no words for it): making one costs V8's parse of it, and a ticket reads those of
 * one or two languages (compile.ts makes the user-story patterns the same way).
 */
class Form implements FormLanguage {
  /** The language has situation and motivation markers: it can hold a job story. */
  readonly situates: boolean;
  /** The language has benefit or purpose markers that may open a benefit-first story. */
  readonly opens: boolean;
  readonly #firstPerson: boolean;
  #situationMarker?: RegExp | null;
  #motivationMarker?: RegExp | null;
  #situationThenMotivation?: RegExp | null;
  #firstPersonMotivation?: RegExp | null;
  #firstPersonSituation?: RegExp | null;
  #benefitOpener?: RegExp | null;
  #genericSituationWords?: Set<string>;

  constructor(readonly lang: CompiledLanguage) {
    const v = lang.vocab;
    this.situates = v.situationMarkers.length > 0 && v.motivationMarkers.length + v.firstPersonMotivationMarkers.length > 0;
    this.opens = v.benefitMarkers.length + v.purposeMarkers.length > 0;
    this.#firstPerson = v.firstPersonMotivationMarkers.length > 0 && this.situates;
  }

  get #motivations(): string {
    return alternation([...this.lang.vocab.motivationMarkers, ...this.lang.vocab.firstPersonMotivationMarkers]);
  }

  get situationMarker(): RegExp | null {
    if (this.#situationMarker === undefined) this.#situationMarker = this.situates ? new RegExp(`${alternation(this.lang.vocab.situationMarkers.map(bounded))}\\s*`, 'yiu') : null;
    return this.#situationMarker;
  }

  get motivationMarker(): RegExp | null {
    if (this.#motivationMarker === undefined) this.#motivationMarker = this.situates ? new RegExp(`${WORD_START}${this.#motivations}${WORD_END}`, 'giu') : null;
    return this.#motivationMarker;
  }

  get situationThenMotivation(): RegExp | null {
    // Both runs bounded, as the role's in compile.ts: a situation of 200 characters cannot rescan an open-ended gap.
    if (this.#situationThenMotivation === undefined) {
      this.#situationThenMotivation = this.situates
        ? new RegExp(`([^\\n.;!?]{1,${MAX_SITUATION}}?)[\\s,;:\\-–—]{1,${MAX_GAP}}${WORD_START}(${this.#motivations})${WORD_END}[\\s:]{0,40}`, 'yiu')
        : null;
    }
    return this.#situationThenMotivation;
  }

  get firstPersonMotivation(): RegExp | null {
    if (this.#firstPersonMotivation === undefined) this.#firstPersonMotivation = this.#firstPerson ? new RegExp(`^${alternation(this.lang.vocab.firstPersonMotivationMarkers)}$`, 'iu') : null;
    return this.#firstPersonMotivation;
  }

  get firstPersonSituation(): RegExp | null {
    // No first-person words configured: no situation is first-person, so "I need" never opens a job story.
    if (this.#firstPersonSituation === undefined) this.#firstPersonSituation = this.#firstPerson ? new RegExp(`^${alternation(this.lang.vocab.firstPersonSituations.map(bounded))}`, 'iu') : null;
    return this.#firstPersonSituation;
  }

  get benefitOpener(): RegExp | null {
    if (this.#benefitOpener === undefined) {
      const v = this.lang.vocab;
      this.#benefitOpener = this.opens ? new RegExp(`${alternation([...v.benefitMarkers, ...v.purposeMarkers])}(?:(?<=')|${WORD_END})\\s*:?\\s*`, 'yiu') : null;
    }
    return this.#benefitOpener;
  }

  get genericSituationWords(): Set<string> {
    const v = this.lang.vocab;
    return (this.#genericSituationWords ??= new Set(
      [...v.genericSituationWords, ...v.personWords, ...v.determiners, ...v.articles, ...v.modalWords].flatMap((w) => wordsOf(w)),
    ));
  }
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A label as written: its words apart by blanks or hyphens ("steps to reproduce", "steps-to-reproduce"). */
const phrase = (s: string): string => escape(s.trim()).replace(/[\s-]+/g, '[\\s-]+');

/** The acceptance-criteria and steps-to-reproduce labels of every language, at a line's start (after "#", "*", "h3."). */
function stepsLabelOf(compiled: CompiledConfig): RegExp {
  const labels = [...new Set(compiled.languages.flatMap((l) => [...l.vocab.acceptanceHeadings, ...l.vocab.reproductionHeadings]))];
  if (labels.length === 0) return /(?!)/g;
  return new RegExp(`^[^\\S\\n]{0,40}(?:#{1,6}|h[1-6]\\.)?[^\\S\\n]{0,40}[*_]{0,2}${alternation(labels.map(phrase))}${WORD_END}`, 'gimu');
}

/**
 * True when a job story's situation and motivation go together: "I need", "we want" open one only
 * after a first-person situation ("When I click Pay, I need …"); "When the queue is full, we need to
 * drop …" is a technical note. "I want" opens one after any situation ("When the build fails, I want …").
 */
export function motivationFits(form: FormLanguage, situation: string, motivation: string): boolean {
  if (!form.firstPersonMotivation?.test(motivation.trim().replace(/\s+/g, ' '))) return true;
  return form.firstPersonSituation?.test(situation) ?? false;
}

/** The story forms' patterns of a language, made now (see patternProblem in compile.ts): the error's message, or null. */
export const formProblem = (lang: CompiledLanguage): string | null => patternProblem(new Form(lang));

const cache = new WeakMap<CompiledConfig, StoryForms>();

/** The compiled markers of the other story forms, built once per compiled configuration. */
export function storyForms(compiled: CompiledConfig): StoryForms {
  let forms = cache.get(compiled);
  if (!forms) {
    const languages = compiled.languages.map((lang) => new Form(lang));
    const byStart = new Map<string, StartForms>();
    let anyStart: StartForms | null = null;
    const add = (form: FormLanguage, markers: string[], kind: keyof StartForms): void => {
      for (const marker of markers) {
        const letters = /^\p{L}+/u.exec(marker)?.[0];
        if (!letters) anyStart = { openers: languages.filter((f) => f.opens), situations: languages.filter((f) => f.situates) };
        const key = letters ? startKey(letters, 0) : '';
        const entry = byStart.get(key) ?? { openers: [], situations: [] };
        if (!entry[kind].includes(form)) entry[kind].push(form);
        byStart.set(key, entry);
      }
    };
    for (const form of languages) {
      const v = form.lang.vocab;
      if (form.opens) add(form, [...v.benefitMarkers, ...v.purposeMarkers], 'openers');
      if (form.situates) add(form, v.situationMarkers, 'situations');
    }
    forms = { languages, byStart, anyStart, stepsLabel: stepsLabelOf(compiled) };
    cache.set(compiled, forms);
  }
  return forms;
}

/**
 * True when a job story's situation names no moment, context or trigger: once its pronouns,
 * articles, modals and the language's generic words ("use", "open", "log in", "app") are taken
 * away, nothing is left ("I use the app", "ich die App benutze", "I want to"). A situation is at
 * most a couple of hundred characters: splitting it is cheap, and only specific-persona asks.
 */
export function isGenericSituation(situation: string, form: FormLanguage): boolean {
  return wordsOf(situation).every((w) => form.genericSituationWords.has(w));
}

/** The compiled forms of a story's language; undefined for a language no longer configured. */
export function formOf(compiled: CompiledConfig, code: string): FormLanguage | undefined {
  return storyForms(compiled).languages.find((f) => f.lang.code === code);
}

import { ROLE_REACH, type CompiledConfig, type CompiledLanguage } from '../compile.js';
import { MAX_SENTENCE_CHARS } from '../ticket/text.js';
import type { Story, TextBlock } from '../types.js';
import { motivationFits, SITUATION_REACH, startKey, storyForms, type FormLanguage } from './story-forms.js';

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

// The replace also copies the clause out of the ticket's text: a clause kept by a report (its
// persona, its goal) must not keep the whole description alive with it.
function tidy(s: string): string {
  return trimTrailing(s.replace(LEADING, '')).replace(/\s+/g, ' ');
}

/** A name as written: one to three capitalised words ("Maria", "Ana Lopez"). */
const NAME = /^\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}$/u;

/**
 * A ")" that closes a "(" of the role is part of it ("ward clerk (A&E)"): trailing punctuation is
 * trimmed only up to it. The role is at most a few hundred characters, so counting is cheap.
 */
function trimRole(s: string): string {
  let role = tidy(s);
  const opens = role.split('(').length - 1;
  if (opens > role.split(')').length - 1) {
    const rest = s.slice(s.indexOf(role) + role.length);
    // "(RR. HH.)": the abbreviation's dot before the ")" is kept with it.
    const close = /^\s*(\.?)\)/.exec(rest);
    if (close) role += `${close[1]})`;
  }
  return role;
}

/**
 * "die nachts arbeitet" after "Als Pflegekraft,": a pronoun that is also an article, then a word in
 * lower case. A German appositive's noun is capitalised ("eine erfahrene Pflegekraft"), a relative
 * clause's next word rarely is.
 */
function isRelativeClause(apposition: string, lang: CompiledLanguage): boolean {
  const [first, second] = apposition.split(/\s+/, 2);
  return first !== undefined && lang.relativePronouns.has(first.toLowerCase()) && second !== undefined && second === second.toLowerCase();
}

/**
 * Lower case, no article, no markup, no trailing punctuation; a qualifier after a comma is dropped.
 * A name with an appositive ("Maria, a gift buyer") gives the appositive: a name is nobody the
 * team can design for, the role after it is. `afterArticle` says the role marker ended in an
 * article ("As a Maria…" is no name).
 */
export function normaliseRole(raw: string, lang: CompiledLanguage, afterArticle = false): string {
  const segments = raw.replace(/[*_`~{}[\]]/g, '').split(',');
  const name = nameBefore(segments, lang, afterArticle);
  let role = name === null ? (segments[0] ?? '') : segments[1]!;
  role = trimRole(role).toLowerCase();
  role = role.replace(lang.articles, '');
  return trimRole(role);
}

/**
 * The role pattern lets a dot after a short word through, for abbreviations ("Abt. IT",
 * "(RR. HH.)"); it is case-insensitive, so here, case-sensitively, a dot after a word that is no
 * abbreviation ends a sentence the role must not run past ("…log in via SSO. I want", "the app.").
 * An abbreviation is a capital and up to two small letters ("Dr.", "Abt."), or anything in brackets.
 */
const SENTENCE_DOT = /(?<![\p{L}])(?!\p{Lu}\p{Ll}{0,2}\.)\p{L}{1,3}\.(?:\s|$)/u;

function runsPastSentence(rawRole: string): boolean {
  if (!rawRole.includes('.')) return false;
  return SENTENCE_DOT.test(rawRole.replace(/\([^()]{0,80}\)/g, ''));
}

/** The name before an appositive role ("Maria" of "Maria, a gift buyer"); null when there is none. */
function nameBefore(segments: string[], lang: CompiledLanguage, afterArticle: boolean): string | null {
  const name = tidy(segments[0] ?? '');
  const apposition = segments[1]?.trim() ?? '';
  // "Als Admin, ein Mitglied des IT-Teams": German capitalises nouns, and a generic role is no name.
  const appositive = !afterArticle && NAME.test(name) && !lang.genericRoles.has(name.toLowerCase()) && lang.articles.test(apposition) && apposition.replace(lang.articles, '') && !isRelativeClause(apposition, lang);
  return appositive ? name : null;
}

/** The person's name a role was given with ("As Maria, a gift buyer"), kept for display. */
export function personaNameOf(raw: string, lang: CompiledLanguage, afterArticle = false): string | null {
  return nameBefore(raw.replace(/[*_`~{}[\]]/g, '').split(','), lang, afterArticle);
}

/**
 * True when the role slot opens with a word that names no person ("As a reminder", "As a first
 * step", "Als Beispiel", "As a follow-up to…"): such an opener is a sentence adverbial, not a role.
 * The word must stand alone or before a short function word ("to", "for", "de", "zu"): before
 * another noun it is a modifier of a person ("bonus card holder", "result analyst").
 */
function isNonPerson(role: string, lang: CompiledLanguage): boolean {
  const flat = role.replace(/\s+/g, ' ');
  return lang.nonRoles.some((w) => flat.startsWith(w) && (flat.length === w.length || /^ [\p{L}']{1,3}(?![\p{L}])/u.test(flat.slice(w.length))));
}

/**
 * Runs that stand for a slot of a template: "<persona>", "[type of user]", "{role}", "{{goal}}",
 * "…", "...", "___". Each is bounded, so scanning a clause stays linear.
 */
const TEMPLATE_TOKEN = /<[^<>\n]{0,60}>|\[[^[\]\n]{0,60}\]|\{\{?[^{}\n]{0,60}\}?\}|…+|\.{3,}|_{2,}/gu;

/** Longer than any placeholder word: only a clause's first this many characters are compared. */
const MAX_PLACEHOLDER = 80;

/**
 * True when a clause only holds the place of content: a template token with no word of three or
 * more letters beside it ("<goal>", "to <action>"), nothing but punctuation ("…"), or one of the
 * language's placeholder words ("TBD", "à définir", "it works"), alone or before a remark ("TBD - ask PO").
 */
const FIRST_WORD = /^[\s*_`~"“”‘’]*([\p{L}\p{N}]+)/u;
const placeholderFirstWords = new WeakMap<ReadonlySet<string>, Set<string>>();

/** The first words of a language's placeholders ("tbd", "à", "it"…), computed once per language. */
function firstWordsOf(lang: CompiledLanguage): Set<string> {
  let words = placeholderFirstWords.get(lang.placeholders);
  if (!words) {
    words = new Set([...lang.placeholders].map((p) => FIRST_WORD.exec(p)?.[1]?.toLowerCase() ?? p));
    placeholderFirstWords.set(lang.placeholders, words);
  }
  return words;
}

export function isPlaceholder(clause: string, lang: CompiledLanguage): boolean {
  const text = clause.slice(0, MAX_CLAUSE);
  if (/[<[{…_]|\.\.\./.test(text)) {
    const rest = text.replace(TEMPLATE_TOKEN, ' ');
    if (rest !== text && !/[\p{L}\p{N}]{3}/u.test(rest)) return true;
  }
  if (!/[\p{L}\p{N}]/u.test(text)) return true;
  // Nearly every clause is real content: one that starts with neither a placeholder's first word
  // nor an article is none, without building its flattened forms below.
  const first = FIRST_WORD.exec(text)?.[1]?.toLowerCase();
  if (first !== undefined && !firstWordsOf(lang).has(first) && !lang.articles.test(text.trimStart())) return false;
  // With and without a leading article: "het werkt" and "a definir" start with one, "the tbd" has one.
  // Every placeholder word is short: only the clause's start is compared ("TODO - ask the lead …").
  const flat = trimTrailing(text.slice(0, MAX_PLACEHOLDER).replace(/[*_`~"“”‘’]/g, ' ').replace(/\s+/g, ' ').trim()).toLowerCase();
  const head = flat.split(/\s*[:(–—]\s*|\s+-\s+/)[0] ?? flat;
  return [flat, head].some((s) => lang.placeholders.has(s) || lang.placeholders.has(s.replace(lang.articles, '')));
}

/** A word, with an elided ending ("I'm", "we'll"): the word before the apostrophe is what it is. */
const LEADING_WORD = /^[\s,]*([\p{L}\p{N}]+)(?:'\p{L}{1,2})?(?![\p{L}\p{N}])/u;
/** More leading person and modal words than any benefit opens with ("we will also be able to"). */
const MAX_LEADING = 8;

/**
 * A benefit's own words, without the person and modal words it opens with: "I can get home on time"
 * gives "get home on time", "I can" gives "". The benefit keeps them as written; this is what it says.
 */
export function benefitCore(benefit: string, lang: CompiledLanguage): string {
  let rest = benefit.slice(0, MAX_CLAUSE);
  for (let i = 0; i < MAX_LEADING; i++) {
    const m = LEADING_WORD.exec(rest);
    const word = m?.[1]?.toLowerCase();
    if (!m || word === undefined || !(lang.personWords.has(word) || lang.modalWords.has(word))) break;
    rest = rest.slice(m[0].length);
  }
  return rest.trim();
}

/**
 * A benefit that only holds a place: a placeholder ("TBD", "so that it works"), or nothing but who
 * and a modal ("so I can", "so that we can …", "damit ich kann").
 */
function isPlaceholderBenefit(benefit: string, lang: CompiledLanguage): boolean {
  if (isPlaceholder(benefit, lang)) return true;
  const core = benefitCore(benefit, lang);
  return core.length < benefit.trim().length && (!tidy(core) || isPlaceholder(core, lang));
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

/** A word that is a verb: one of the language's goal verbs, or an infinitive by its ending (see `infinitives`). */
export function isVerb(word: string, lang: CompiledLanguage): boolean {
  // An elided pronoun is no part of the verb: "l'envoyer", "m'inscrire".
  const verb = /^\p{L}{1,2}['’]\p{L}/u.test(word) ? word.slice(word.search(/['’]/) + 1) : word;
  return verb.length > 0 && (lang.goalVerbs.has(verb.toLowerCase()) || lang.infinitive.test(verb));
}

const WORD = /[\p{L}][\p{L}'’-]*/gu;
/** "to", "be able to": what may open an English goal before its verb. */
const GOAL_FILLER = /^(?:to|be|able|also|then)$/i;

/** The first `n` words of a clause, English fillers ("to be able to") skipped. */
export function leadingWords(clause: string, n: number): string[] {
  const words: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(clause); m && words.length < n; m = WORD.exec(clause)) {
    if (words.length === 0 && GOAL_FILLER.test(m[0])) continue;
    words.push(m[0].replace(/['’]$/, ''));
    if (m.index > MAX_CLAUSE) break;
  }
  return words;
}

/**
 * True when the goal opens with a verb phrase ("voir mes plannings", "me connecter", "poter
 * esportare"): its first word is a verb, or its second is, after a word that is no determiner. A
 * plural determiner before a singular word is a pronoun ("les rendre", "os enviar"), not an article.
 */
export function opensWithVerb(goal: string, lang: CompiledLanguage): boolean {
  const [first, second] = leadingWords(goal, 2);
  if (first === undefined) return false;
  if (isVerb(first, lang)) return true;
  if (second === undefined || !isVerb(second, lang)) return false;
  const lower = first.toLowerCase();
  return !lang.determiners.has(lower) || (lower.endsWith('s') && !/[sx]$/i.test(second));
}

/** "to", "be able to" and blanks, before a marker that is then the goal's own verb ("I want to avoid …"). */
const BARE = /^[\s,;:]*(?:(?:to|be|able)(?![\p{L}])[\s,;:]*){0,3}$/iu;
/** A goal before a marker: anything but "to", "be able to" ("…" too: a template's goal). */
const hasGoal = (before: string): boolean => before.length > 40 || !BARE.test(before);

/** True when the goal opens as a noun phrase ("un bouton", "mes plannings"): its first word is a determiner. */
function opensWithNoun(goal: string, lang: CompiledLanguage): boolean {
  const [first] = leadingWords(goal, 1);
  return first !== undefined && lang.determiners.has(first.toLowerCase());
}

/**
 * The benefit marker of a goal line: the first one with a goal before it. A purpose clause ("pour
 * exporter", "para compartir", "per salvare") is no benefit after a goal that opens as a noun
 * phrase: "je veux voir mes plannings pour …" says why, "je veux un bouton pour exporter" says what
 * the button does. A negative one ("pour ne pas …", "para no …", "to avoid …") is a benefit marker
 * of its own, whatever precedes it: what a person wants to avoid is their gain.
 */
function benefitMarkerIn(line: string, lang: CompiledLanguage): RegExpExecArray | null {
  const first = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      if (hasGoal(line.slice(0, m.index))) return m;
      if (m[0].length === 0) re.lastIndex++;
    }
    return null;
  };
  const marker = first(lang.benefitMarker);
  if (lang.vocab.purposeMarkers.length === 0) return marker;
  const purpose = first(lang.purposeMarker);
  if (!purpose || (marker && marker.index <= purpose.index) || opensWithNoun(line, lang)) return marker;
  return purpose;
}

/** A goal and its benefit; `benefit` is null when no benefit marker is there, "" when nothing follows it. */
function splitGoal(text: string, goalStart: number, lang: CompiledLanguage): { goal: string; benefit: string | null; benefitLine: string } {
  const line = lineAt(text, goalStart);
  const marker = benefitMarkerIn(line, lang);
  if (marker) {
    const after = line.slice(marker.index + marker[0].length);
    return { goal: untilSentenceEnd(line.slice(0, marker.index)), benefit: untilSentenceEnd(after), benefitLine: after };
  }
  // A template over several lines: "I want: …" then "So that: …" on the next line.
  const nextLine = goalStart + line.length;
  lang.lineStartsWithBenefit.lastIndex = nextLine;
  const onNext = lang.lineStartsWithBenefit.exec(text);
  const after = onNext ? lineAt(text, nextLine + onNext[0].length) : '';
  return { goal: untilSentenceEnd(line), benefit: onNext ? untilSentenceEnd(after) : null, benefitLine: after };
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

/** A slot of the story: what a template leaves unfilled. */
export type StorySlot = 'role' | 'goal' | 'benefit';

/** A story as written, with the slots that only hold a placeholder. */
export interface Draft {
  story: Story;
  placeholders: StorySlot[];
  /** The benefit clause as written, for a finding to quote ("TBD", "?"); "" when there is none. */
  benefitAsWritten: string;
}

/**
 * The story at `at`. A placeholder role or goal ("<persona>", "…", "TBD") is no story: strict
 * reading passes over it, a template reading (`templates`) keeps it and says which slots it is.
 * A placeholder benefit is no benefit either way.
 */
function storyAt(text: string, at: number, lang: CompiledLanguage, goals: GoalMarkers, templates: boolean): Draft | null {
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
  const rawRole = rg[1] ?? '';
  if (runsPastSentence(rawRole)) return null;
  const markerWords = m[0].trim().split(/\s+/);
  const afterArticle = markerWords.length > 1 && lang.articles.test(markerWords[markerWords.length - 1]!);
  const role = normaliseRole(rawRole, lang, afterArticle);
  if (!role || isNonPerson(role, lang)) return null;
  const { goal, benefit, benefitLine } = splitGoal(text, goalStart, lang);
  const cleanGoal = tidy(goal).replace(/^to\s+/i, '');
  if (!cleanGoal) return null;
  const placeholders: StorySlot[] = [];
  // The role marker took the role's article: "Como a definir" is the placeholder "a definir".
  const article = afterArticle ? `${markerWords[markerWords.length - 1]!.replace(/[:\-–—]+$/, '')} ` : '';
  if (isPlaceholder(rawRole, lang) || (article && isPlaceholder(article + rawRole, lang))) placeholders.push('role');
  if (isPlaceholder(cleanGoal, lang)) placeholders.push('goal');
  const cleanBenefit = benefit === null ? null : tidy(benefit);
  if (benefit !== null && (!cleanBenefit || isPlaceholderBenefit(benefit, lang))) placeholders.push('benefit');
  if (!templates && (placeholders.includes('role') || placeholders.includes('goal'))) return null;
  const story: Story = { kind: 'user', role, goal: cleanGoal, benefit: placeholders.includes('benefit') ? null : cleanBenefit || null, language: lang.code };
  // "As Maria, a gift buyer": the role is the appositive, the name is kept for display.
  const name = personaNameOf(rawRole, lang, afterArticle);
  if (name) story.name = name;
  // Quoted only by a finding about a placeholder benefit: not built for the stories that have a real one.
  const benefitAsWritten = placeholders.length > 0 ? tidy(benefitLine.slice(0, 80)) || benefitLine.trim().slice(0, 80) : '';
  return { story, placeholders, benefitAsWritten };
}

/** A story found in a text, and where it starts (its role, situation or benefit-first marker). */
interface Found {
  draft: Draft;
  at: number;
}

/**
 * The first story in the text: a user story at the earliest position, in the first language that
 * reads it; with `templates`, the first one that leaves a slot unfilled. Without a user story that
 * states a benefit, a benefit-first story before it, or (without any user story) a job story.
 */
function firstStory(text: string, compiled: CompiledConfig, templates = false, jobAt: JobAt = anywhere): Found | null {
  // Where another form may start is noted on the user-story scan's way: the text is scanned once.
  const starts: number[] | null = templates ? null : [];
  const user = firstUserStory(text, compiled, starts);
  // The common path (a user story with a benefit) never reads the other forms.
  if (!starts || user?.draft.story.benefit) return user;
  return otherForm(text, compiled, user, starts, jobAt) ?? user;
}

/** Whether a job story may start at an offset of the text the parser reads. */
type JobAt = (at: number) => boolean;
const anywhere: JobAt = () => true;

/**
 * Where in a text a job story may start, in offsets of the text as given: before `end`, outside the
 * headings' ranges (sorted, [start, end)). null for nowhere.
 */
export type JobScope = { end: number; headings: ReadonlyArray<readonly [number, number]> } | null;

/** A scope's test on the prepared text, its range asked for only when a job story is looked for. */
function jobAtIn(prepared: Prepared, scope: () => JobScope): JobAt {
  let range: JobScope | undefined;
  return (at) => {
    if (range === undefined) range = scope();
    if (range === null) return false;
    const raw = rawOffset(prepared, at);
    return raw < range.end && !inHeading(range.headings, raw);
  };
}

/** Whether an offset falls in one of the sorted heading ranges: by bisection, as a text may hold thousands of headings. */
function inHeading(headings: ReadonlyArray<readonly [number, number]>, at: number): boolean {
  let lo = 0;
  let hi = headings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (headings[mid]![1] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo < headings.length && headings[lo]![0] <= at;
}

/**
 * Where a description's job story may be: any paragraph, quote, list item or table cell before the
 * first block that opens acceptance criteria or steps to reproduce (a heading or a label line); a
 * heading is a title, not a story. Offsets are those of the blocks' texts each followed by a line
 * break, code left out, as lint joins them. "When I click Pay, I need …" under "Steps to reproduce"
 * is a bug's step, not the ticket's story; a context paragraph, a "Job story:" line or a panel may
 * come before the story.
 */
export function jobStoryRange(blocks: ReadonlyArray<Pick<TextBlock, 'kind' | 'text'>>, compiled: CompiledConfig): JobScope {
  const { stepsLabel } = storyForms(compiled);
  const headings: Array<[number, number]> = [];
  let at = 0;
  for (const block of blocks) {
    if (block.kind === 'code') continue;
    // Its first line: a label further down is found in the joined text (see otherForm), from its own line on.
    const head = block.text.slice(0, MAX_LABEL_LINE);
    const newline = head.indexOf('\n');
    stepsLabel.lastIndex = 0;
    if (stepsLabel.test(newline < 0 ? head : head.slice(0, newline))) return { end: at, headings };
    const next = at + block.text.length + 1;
    if (block.kind === 'heading') headings.push([at, next]);
    at = next;
  }
  return { end: at, headings };
}

/** Longer than any label: only a block's first line, up to this length, is compared. */
const MAX_LABEL_LINE = 200;

/** The first user story; `starts`, when given, gets every story start where another form's marker may begin. */
function firstUserStory(text: string, compiled: CompiledConfig, starts: number[] | null): Found | null {
  const { languages, roleInitials } = compiled;
  const templates = starts === null;
  const forms = starts ? storyForms(compiled) : null;
  const anyInitial = roleInitials.has('*');
  const goals = new GoalMarkers(text);
  for (let at = nextStart(text, 0); at >= 0 && at < text.length; at = nextStart(text, at + 1)) {
    if (forms && (forms.anyStart || forms.byStart.has(startKey(text, at)))) starts!.push(at);
    if (!anyInitial && !roleInitials.has(text.charAt(at).toLowerCase())) continue;
    for (const lang of languages) {
      const draft = storyAt(text, at, lang, goals, templates);
      if (draft && (!templates || draft.placeholders.length > 0)) return { draft, at };
    }
  }
  return null;
}

/**
 * Where each language's next motivation marker is, found once and reused as the parser moves on
 * (as GoalMarkers does for user stories): "When …" sentences without one cost one search in all.
 */
class MotivationMarkers {
  private readonly found = new Map<FormLanguage, { from: number; at: number }>();
  constructor(private readonly text: string) {}

  next(form: FormLanguage, from: number): number {
    const known = this.found.get(form);
    if (known && known.from <= from && from <= known.at) return known.at;
    const marker = form.motivationMarker!;
    marker.lastIndex = from;
    const m = marker.exec(this.text);
    const at = m ? m.index : Number.POSITIVE_INFINITY;
    this.found.set(form, { from, at });
    return at;
  }
}

/**
 * A benefit-first or a job story starting before the user story (anywhere when there is none).
 * A job story is looked for only in a text without a user story: "When …, I want …" before a user
 * story is more likely context than the story.
 */
function otherForm(text: string, compiled: CompiledConfig, user: Found | null, starts: number[], jobAt: JobAt): Found | null {
  const forms = storyForms(compiled);
  const goals = new GoalMarkers(text);
  const motivations = new MotivationMarkers(text);
  // No job story after a line that opens acceptance criteria or steps to reproduce: found once, when first needed.
  let stepsAt: number | undefined;
  const beforeSteps = (at: number): boolean => {
    if (stepsAt === undefined) {
      forms.stepsLabel.lastIndex = 0;
      stepsAt = forms.stepsLabel.exec(text)?.index ?? Number.POSITIVE_INFINITY;
    }
    return at < stepsAt;
  };
  for (const at of starts) {
    if (user && at >= user.at) break;
    const candidates = forms.anyStart ?? forms.byStart.get(startKey(text, at));
    if (!candidates) continue;
    for (const form of candidates.openers) {
      const draft = benefitFirstAt(text, at, form, goals, compiled);
      if (draft) return { draft, at };
    }
    if (user || candidates.situations.length === 0 || !beforeSteps(at) || !jobAt(at)) continue;
    for (const form of candidates.situations) {
      const draft = jobStoryAt(text, at, form, motivations);
      if (draft) return { draft, at };
    }
  }
  return null;
}

/**
 * "In order to get home on time, as a night nurse, I want …", also over lines ("In order to …" /
 * "As a …" / "I want …") and with "So that …": a user story whose benefit comes first. The role
 * marker follows a comma of the benefit clause, or opens the next line.
 */
function benefitFirstAt(text: string, at: number, form: FormLanguage, goals: GoalMarkers, compiled: CompiledConfig): Draft | null {
  const opener = form.benefitOpener;
  if (!opener) return null;
  opener.lastIndex = at;
  const m = opener.exec(text);
  if (!m) return null;
  const from = at + m[0].length;
  const line = lineAt(text, from);
  const clause = untilSentenceEnd(line);
  const ends: number[] = [];
  for (let i = clause.indexOf(','); i >= 0; i = clause.indexOf(',', i + 1)) ends.push(i);
  if (clause.length === line.length && text.charAt(from + line.length) === '\n') ends.push(clause.length);
  for (const end of ends) {
    let role = from + end + 1;
    while (role < text.length && role < from + end + MAX_GAP_TO_ROLE && /\s/.test(text.charAt(role))) role++;
    if (!compiled.roleInitials.has('*') && !compiled.roleInitials.has(text.charAt(role).toLowerCase())) continue;
    const draft = storyAt(text, role, form.lang, goals, false);
    if (!draft) continue;
    const benefit = tidy(clause.slice(0, end));
    // A benefit of its own after the goal, or a placeholder before the role: the story as the role reads it.
    if (draft.story.benefit || !benefit || isPlaceholderBenefit(benefit, form.lang)) return draft;
    return { story: { ...draft.story, benefit }, placeholders: draft.placeholders.filter((s) => s !== 'benefit'), benefitAsWritten: '' };
  }
  return null;
}

/** Blanks between a benefit-first clause and its role marker: a blank line, an indent. */
const MAX_GAP_TO_ROLE = 40;

/**
 * "When I'm re-ordering supplies at the end of a night shift, I want to repeat last week's order,
 * so I can get home on time": a job story. It names no role (role ''); its situation says who and
 * when. A placeholder situation or motivation is no story; a placeholder outcome is no benefit.
 */
function jobStoryAt(text: string, at: number, form: FormLanguage, motivations: MotivationMarkers): Draft | null {
  const { situationMarker, situationThenMotivation, lang } = form;
  if (!situationMarker || !situationThenMotivation) return null;
  situationMarker.lastIndex = at;
  const m = situationMarker.exec(text);
  if (!m) return null;
  const situationStart = at + m[0].length;
  if (motivations.next(form, situationStart) > situationStart + SITUATION_REACH) return null;
  situationThenMotivation.lastIndex = situationStart;
  const sm = situationThenMotivation.exec(text);
  if (!sm) return null;
  const goalStart = sm.index + sm[0].length;
  if (!tidy(untilSentenceEnd(lineAt(text, goalStart)))) return null;
  const situation = tidy(sm[1] ?? '');
  if (!situation || isPlaceholder(situation, lang) || !motivationFits(form, situation, sm[2] ?? '')) return null;
  const { goal, benefit, benefitLine } = splitGoal(text, goalStart, lang);
  const cleanGoal = tidy(goal).replace(/^to\s+/i, '');
  if (!cleanGoal || isPlaceholder(cleanGoal, lang)) return null;
  const cleanBenefit = benefit === null ? null : tidy(benefit);
  const placeholders: StorySlot[] = benefit !== null && (!cleanBenefit || isPlaceholderBenefit(benefit, lang)) ? ['benefit'] : [];
  const story: Story = { kind: 'job', role: '', situation, goal: cleanGoal, benefit: placeholders.length > 0 ? null : cleanBenefit || null, language: lang.code };
  const benefitAsWritten = placeholders.length > 0 ? tidy(benefitLine.slice(0, 80)) || benefitLine.trim().slice(0, 80) : '';
  return { story, placeholders, benefitAsWritten };
}

/**
 * Finds the user story in the given texts (summary first, then the description), in the first
 * language whose markers match. A story with a benefit beats one without; a story without one
 * takes the benefit a "Why:" line or section gives (see labelledBenefit). `jobScopes[i]`, when
 * given, says where in `texts[i]` a job story may be (see jobStoryRange); a text without one is read whole.
 */
export function parseStory(texts: string[], compiled: CompiledConfig, jobScopes: ReadonlyArray<(() => JobScope) | undefined> = []): Story | null {
  let fallback: Draft | null = null;
  for (const [i, raw] of texts.entries()) {
    if (!raw) continue;
    const prepared = prepare(raw);
    const scope = jobScopes[i];
    const draft = firstStory(prepared.text, compiled, false, scope ? jobAtIn(prepared, scope) : anywhere)?.draft ?? null;
    if (draft?.story.benefit) return remember(draft);
    fallback ??= draft;
  }
  return fallback && remember(withLabelledBenefit(fallback, texts, compiled));
}

/** A benefit section's text is read up to its sentence end, as a story's benefit clause is. */
function sectionText(text: string, from: number): string {
  return untilSentenceEnd(lineAt(text, from)).trim();
}

/**
 * The text a benefit label gives ("Why: nurses miss shifts", or "Why" / "## Warum" alone on its
 * line with the text on the next): the first labelled line with text after it; "" for a label with
 * nothing after it; null when no line opens with a label. A label followed by another section's
 * heading (acceptance criteria, another label) gives nothing.
 */
export function labelledBenefit(raw: string, compiled: CompiledConfig): string | null {
  const { text } = prepare(raw);
  const label = compiled.benefitLabel;
  label.lastIndex = 0;
  let found: string | null = null;
  for (let m = label.exec(text); m; m = label.exec(text)) {
    const end = m.index + m[0].length;
    let content = sectionText(text, end);
    if (!content && text.charAt(end) === '\n') {
      // The section's text is on the next line that holds any.
      let next = end + 1;
      while (next < text.length && next < end + 1_000 && /\s/.test(text.charAt(next))) next++;
      const line = lineAt(text, next);
      label.lastIndex = 0;
      const another = label.test(line) || compiled.acceptanceHeading.test(line);
      label.lastIndex = end;
      content = another ? '' : sectionText(text, next);
    }
    if (content) return content;
    found = '';
  }
  return found;
}

/**
 * A story without a benefit clause (or with a placeholder one) takes the benefit its ticket gives
 * under a label: "Why: …" counts as "so that …". A leading "so that" in it is the marker, not the benefit.
 */
function withLabelledBenefit(draft: Draft, texts: string[], compiled: CompiledConfig): Draft {
  if (draft.story.benefit) return draft;
  const lang = compiled.languages.find((l) => l.code === draft.story.language);
  if (!lang) return draft;
  for (const raw of texts) {
    if (!raw) continue;
    const content = labelledBenefit(raw, compiled);
    if (!content) continue;
    lang.benefitMarker.lastIndex = 0;
    const marker = lang.benefitMarker.exec(content);
    const benefit = tidy(marker?.index === 0 ? content.slice(marker[0].length) : content);
    if (!benefit) continue;
    const others = draft.placeholders.filter((slot) => slot !== 'benefit');
    if (isPlaceholderBenefit(benefit, lang)) return { story: draft.story, placeholders: [...others, 'benefit'], benefitAsWritten: benefit.slice(0, 80) };
    return { story: { ...draft.story, benefit }, placeholders: others, benefitAsWritten: '' };
  }
  return draft;
}

/** The draft each story parseStory returned came from: the rules ask it, without a second parse. */
const drafts = new WeakMap<Story, Draft>();

function remember(draft: Draft): Story {
  drafts.set(draft.story, draft);
  return draft.story;
}

/**
 * The benefit clause of a story parseStory returned, as written, when it only holds a place ("TBD",
 * "it works", "?", nothing); null when the story has a real benefit or no benefit clause.
 */
export function placeholderBenefit(story: Story): string | null {
  const draft = drafts.get(story);
  return draft?.placeholders.includes('benefit') ? draft.benefitAsWritten : null;
}

/**
 * The story parseStory([text]) finds, and where in `text` its role marker starts: where the
 * parser itself found it, so no search over the text's words is needed to place it. `jobScope`,
 * when given, says where a job story may be, as parseStory's does.
 */
export function locateStory(text: string, compiled: CompiledConfig, jobScope?: () => JobScope): { story: Story; start: number } | null {
  const prepared = prepare(text);
  const found = firstStory(prepared.text, compiled, false, jobScope ? jobAtIn(prepared, jobScope) : anywhere);
  return found && { story: remember(found.draft), start: rawOffset(prepared, found.at) };
}

/**
 * The first story template in the text that leaves a slot unfilled ("As a <persona>, I want
 * <goal>", "so that TBD"), for a finding to say so. "..." is read as "…": a template's dots would
 * otherwise end the sentence before its goal.
 */
export function findTemplate(text: string, compiled: CompiledConfig): Draft | null {
  if (lastTemplate?.text === text && lastTemplate.compiled === compiled) return lastTemplate.draft;
  const found = text ? firstStory(prepare(text).text.replace(/\.{3,}/g, '…'), compiled, true) : null;
  lastTemplate = { text, compiled, draft: found?.draft ?? null };
  return lastTemplate.draft;
}

/** Two rules ask about the same ticket in a row: the last answer is kept, so the text is read once. */
let lastTemplate: { text: string; compiled: CompiledConfig; draft: Draft | null } | null = null;

/**
 * The role as the ticket writes it ("Kunde", not "kunde": German nouns keep their capital), for
 * hints to quote; the parsed role when the ticket has it only in capitals or not verbatim.
 */
export function roleAsWritten(role: string, text: string): string {
  if (!role) return role;
  // Several rules quote the same role of the same ticket in a row: the last answer is reused.
  if (lastWritten?.role === role && lastWritten.text === text) return lastWritten.written;
  const written = findWritten(role, text);
  lastWritten = { role, text, written };
  return written;
}

let lastWritten: { role: string; text: string; written: string } | null = null;

/**
 * Whom hints speak of: the story's role as written, or "customer" when there is no story or it
 * names no role (a job story says when, not who).
 */
export function whoOf(story: Pick<Story, 'role'> | null, text: string): string {
  return story?.role ? roleAsWritten(story.role, text) : 'customer';
}

/**
 * Patterns of roles seen lately, by their source: most tickets of a team name a few roles, and
 * building one costs more than running it. Not by the role: a role is cut out of the ticket's
 * text, and V8 keeps a cut string's whole text alive as long as the piece (a 100 KB description
 * per role remembered).
 */
const rolePatterns = new Map<string, RegExp>();
const MAX_ROLE_PATTERNS = 64;

function rolePattern(role: string): RegExp {
  const source = role
    .split(' ')
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  let pattern = rolePatterns.get(source);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}])${source}(?![\\p{L}])`, 'iu');
    if (rolePatterns.size >= MAX_ROLE_PATTERNS) rolePatterns.clear();
    rolePatterns.set(source, pattern);
  }
  return pattern;
}

function findWritten(role: string, text: string): string {
  // No g or y flag: exec keeps no state between texts.
  const found = rolePattern(role).exec(text)?.[0];
  if (!found || found === found.toUpperCase()) return role;
  return found.replace(/\s+/g, ' ');
}

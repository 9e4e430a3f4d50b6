import type { CompiledLanguage } from '../compile.js';
import { fold, WordForms } from './word-forms.js';

/**
 * A role is generic when it is built from a generic noun ("user", "Kundin", "usuarios") and only
 * vague or state qualifiers ("registered", "angemeldeter", "registrada", "connectée") and the
 * prepositions and articles that join them ("user of the app"), in whatever order the language
 * puts its adjectives. Any other word narrows it to a segment, which is a persona: "data user",
 * "usuaria de banca móvil", "Kunde mit Kreditkarte", "user on mobile".
 */

interface RoleLexicon {
  generic: WordForms<true>;
  /** The last letters of every generic noun, stems included: a word ending otherwise holds none. */
  tails: Set<string>;
  qualifiers: WordForms<true>;
  links: Set<string>;
  /** Generic roles of several words ("account holder"), folded and split. */
  phrases: string[][];
  endings: Set<string>;
}

type Kind = 'generic' | 'qualifier' | 'link' | 'other';
const RANK: Record<Kind, number> = { other: 0, link: 1, qualifier: 2, generic: 3 };

/** A role longer than this is a sentence, not a generic role: it is not read word by word. */
const MAX_ROLE = 200;
const MAX_WORDS = 16;
/** Longer than any word of a role, compounds included: such a token names nobody generic. */
const MAX_TOKEN = 60;
/** More marks than an inclusive form has ("utilisateur·rice·s"): such a token names nobody generic. */
const MAX_PARTS = 4;
/** The shortest qualifier and noun a compound ("Endkunde", "eindgebruiker") is split into. */
const MIN_PART = 3;

/** Inside one word, marks of gender-inclusive writing: Kund:in, utilisateur·rice, usuario/a, gebruik(st)er. */
const INCLUSIVE_MARK = /[:·•./()*_]+/u;

const lexicons = new WeakMap<CompiledLanguage, RoleLexicon>();

const byLengthDesc = (a: string, b: string): number => b.length - a.length;

function lexiconOf(lang: CompiledLanguage): RoleLexicon {
  let lexicon = lexicons.get(lang);
  if (!lexicon) {
    const endings = [...new Set(lang.vocab.inflectionEndings.map(fold))].sort(byLengthDesc);
    const generic = new WordForms<true>(endings);
    const qualifiers = new WordForms<true>(endings);
    const phrases: string[][] = [];
    for (const role of lang.vocab.genericRoles) {
      const words = fold(role).split(/[\s-]+/).filter(Boolean);
      if (words.length === 1) generic.add(words[0]!, true);
      else if (words.length > 1) phrases.push(words);
    }
    // "logged in", "en ligne": each word of a vague qualifier is vague.
    for (const q of lang.vocab.vagueQualifiers) for (const w of fold(q).split(/[\s-]+/)) if (w) qualifiers.add(w, true);
    const links = new Set(lang.vocab.roleLinkWords.map(fold));
    const tails = new Set<string>();
    for (const role of lang.vocab.genericRoles) {
      const w = fold(role);
      for (const e of ['', ...endings]) if (w.length - e.length >= MIN_PART && w.endsWith(e)) tails.add(w.slice(-e.length - MIN_PART, w.length - e.length));
    }
    lexicon = { generic, tails, qualifiers, links, phrases, endings: new Set(endings) };
    lexicons.set(lang, lexicon);
  }
  return lexicon;
}

/** A word as one language reads it: a generic noun, a qualifier (also inside a compound), or neither. */
function kindOfWord(word: string, lexicon: RoleLexicon): Kind {
  if (lexicon.generic.has(word)) return 'generic';
  if (lexicon.qualifiers.has(word)) return 'qualifier';
  // German and Dutch glue the qualifier on: "Endkunde", "Webseitenbesucher", "eindgebruiker".
  if (word.length < 2 * MIN_PART || !endsLikeGeneric(word, lexicon)) return 'other';
  for (let i = MIN_PART; i <= word.length - MIN_PART; i++) {
    if (lexicon.qualifiers.has(word.slice(0, i)) && lexicon.generic.has(word.slice(i))) return 'generic';
  }
  return 'other';
}

/** True when the word, less one of its language's endings or none, ends as a generic noun does. */
function endsLikeGeneric(word: string, lexicon: RoleLexicon): boolean {
  if (lexicon.tails.has(word.slice(-MIN_PART))) return true;
  for (const e of lexicon.endings) {
    if (word.length - e.length >= MIN_PART && word.endsWith(e) && lexicon.tails.has(word.slice(-e.length - MIN_PART, -e.length))) return true;
  }
  return false;
}

const better = (a: Kind, b: Kind): Kind => (RANK[b] > RANK[a] ? b : a);

/**
 * A token with inclusive marks is the word it inflects when every part after the first is an
 * ending ("kund:innen", "usuario/a", "utilisateur·rice·s", "gebruik(st)er"): it is read as its
 * first part, all parts joined, and without the part in brackets. Otherwise the marks separate
 * alternatives ("buyer/approver", "Kunde/Kundin"), and the token is what all of them are.
 */
function kindOfToken(token: string, lexicon: RoleLexicon, endings: ReadonlySet<string>): Kind {
  if (lexicon.links.has(token)) return 'link';
  if (token.length > MAX_TOKEN) return 'other';
  if (!INCLUSIVE_MARK.test(token)) return kindOfWord(token, lexicon);
  const parts = token.split(INCLUSIVE_MARK).filter(Boolean);
  if (parts.length === 0 || parts.length > MAX_PARTS) return 'other';
  if (parts.slice(1).every((p) => endings.has(p))) {
    const readings = [parts[0]!, parts.join(''), token.replace(/\([^()]*\)/g, '').replace(/[:·•./()*_]+/g, '')];
    return readings.reduce<Kind>((kind, r) => better(kind, kindOfWord(r, lexicon)), 'other');
  }
  const kinds = parts.map((p) => (lexicon.links.has(p) ? 'link' : kindOfWord(p, lexicon)));
  return kinds.reduce((a, b) => (RANK[b] < RANK[a] ? b : a));
}

/**
 * The words of a role: hyphens split words ("end-user", "App-Nutzer") unless what follows is an
 * ending ("utilisateur-rice"); "/-" is a slash ("Kunde/-in"); brackets around a whole word go.
 */
function tokensOf(role: string, endings: ReadonlySet<string>): string[] {
  const tokens: string[] = [];
  for (const raw of fold(role.slice(0, MAX_ROLE)).replace(/\/[-–]/g, '/').split(/[\s,;!?"“”„'’`]+/)) {
    const parts = raw.split(/[-–]+/);
    for (let i = 0; i < parts.length; i++) {
      const word = parts[i]!.replace(/^\((.*)\)$/, '$1').replace(/^[(:·•./*_]+|[:·•./*_]+$/g, '');
      if (!word) continue;
      if (i > 0 && tokens.length > 0 && endings.has(word)) tokens[tokens.length - 1] += `·${word}`;
      else tokens.push(word);
    }
  }
  return tokens.slice(0, MAX_WORDS + 1);
}

/** Tokens that spell one of the generic roles of several words ("account holder"), marked as such. */
function phraseHeads(tokens: string[], lexicons: RoleLexicon[]): Set<number> {
  const heads = new Set<number>();
  for (const lexicon of lexicons) {
    for (const phrase of lexicon.phrases) {
      for (let i = 0; i + phrase.length <= tokens.length; i++) {
        const last = phrase.length - 1;
        const matches = phrase.every((w, j) => tokens[i + j] === w || (j === last && singularOf(tokens[i + j]!, lexicon) === w));
        if (matches) for (let j = 0; j < phrase.length; j++) heads.add(i + j);
      }
    }
  }
  return heads;
}

/** The word less one ending of its language: "holders" is "holder". */
function singularOf(word: string, lexicon: RoleLexicon): string {
  for (const e of lexicon.endings) if (word.length - e.length >= MIN_PART && word.endsWith(e)) return word.slice(0, -e.length);
  return word;
}

/** Roles and words already judged, per set of languages: a backlog repeats its roles and their words. */
interface Judged {
  roles: Map<string, boolean>;
  words: Map<string, Kind>;
  /** The endings of every language of the set. */
  endings: Set<string> | null;
}

/** Beyond this many entries a memo starts afresh: it stays small whatever a ticket stream holds. */
const MAX_MEMO = 2_000;
const judged = new WeakMap<object, Judged>();

function memoFor(key: object): Judged {
  let memo = judged.get(key);
  if (!memo) judged.set(key, (memo = { roles: new Map(), words: new Map(), endings: null }));
  return memo;
}

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= MAX_MEMO) map.clear();
  map.set(key, value);
  return value;
}

/**
 * True when the role is a generic noun, maybe behind vague qualifiers, in any of the languages:
 * "registered user", "registrierte Nutzerin", "usuaria registrada", "Kund:in", "usuari@",
 * "utilisateur·rice connecté·e". Tickets mix languages ("Als registrierter User"): each word is
 * read in every language given, the story's own first.
 */
export function isGenericRole(role: string, languages: CompiledLanguage | readonly CompiledLanguage[]): boolean {
  const langs = Array.isArray(languages) ? (languages as readonly CompiledLanguage[]) : [languages as CompiledLanguage];
  if (langs.length === 0 || role.length > MAX_ROLE) return false;
  const memo = memoFor(languages);
  const known = memo.roles.get(role);
  if (known !== undefined) return known;
  return remember(memo.roles, role, judge(role, langs, memo));
}

function judge(role: string, langs: readonly CompiledLanguage[], memo: Judged): boolean {
  const lexicons = langs.map(lexiconOf);
  const endings = (memo.endings ??= new Set(lexicons.flatMap((l) => [...l.endings])));
  const tokens = tokensOf(role, endings);
  if (tokens.length === 0 || tokens.length > MAX_WORDS) return false;
  const phraseWords = lexicons.some((l) => l.phrases.length > 0) ? phraseHeads(tokens, lexicons) : new Set<number>();
  let generic = phraseWords.size > 0;
  for (let i = 0; i < tokens.length; i++) {
    if (phraseWords.has(i)) continue;
    const token = tokens[i]!;
    let kind = memo.words.get(token);
    if (kind === undefined) {
      kind = 'other';
      for (const lexicon of lexicons) {
        kind = better(kind, kindOfToken(token, lexicon, endings));
        if (kind === 'generic') break;
      }
      remember(memo.words, token, kind);
    }
    if (kind === 'other') return false;
    if (kind === 'generic') generic = true;
  }
  return generic;
}

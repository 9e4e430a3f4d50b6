import { benefitOf, languageOf, sameWord } from '../benefit/benefit-kind.js';
import { wordsOf, type CompiledLanguage } from '../compile.js';
import type { PersonaDefinition } from '../config-types.js';
import { defineRule, NO_OPTIONS, whoIn, wordsFor } from './rule.js';

/** Most of a goal a hint quotes. */
const QUOTE_CHARS = 80;
const quote = (s: string): string => (s.length > QUOTE_CHARS ? `${s.slice(0, QUOTE_CHARS - 1).trimEnd()}…` : s);

/** True when `phrase`'s words stand in `words` in a row, each in any inflection ("developers" of "developer"). */
function contains(words: string[], phrase: string[]): boolean {
  if (phrase.length === 0) return false;
  for (let i = 0; i + phrase.length <= words.length; i++) if (phrase.every((p, j) => sameWord(p, words[i + j]!))) return true;
  return false;
}

const phraseCache = new WeakMap<readonly string[], string[][]>();

/** The words of each phrase of a configured list (internal roles, end customers), split once per list. */
function phrasesOf(list: readonly string[]): string[][] {
  let phrases = phraseCache.get(list);
  if (!phrases) phraseCache.set(list, (phrases = list.map((phrase) => wordsOf(phrase))));
  return phrases;
}

/** True for a role the project lists as internal or back-end ("senior developer", "Entwicklerin"). */
export function isInternalRole(role: string, internalRoles: string[]): boolean {
  const words = wordsOf(role);
  return phrasesOf(internalRoles).some((r) => contains(words, r));
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const impactPatterns = new WeakMap<CompiledLanguage[], RegExp>();

/**
 * A "Customer impact:" line with text after it, or the label alone on its line with text on the
 * next, in any language.
 */
function impactPattern(languages: CompiledLanguage[]): RegExp {
  let pattern = impactPatterns.get(languages);
  if (!pattern) {
    const labels = languages.flatMap((l) => l.vocab.customerImpactLabels).map((l) => escape(l).replace(/(?:\\-|\s)+/g, '[\\s-]+'));
    const label = labels.length > 0 ? `(?:${labels.join('|')})` : '(?!)';
    pattern = new RegExp(`^[^\\S\\n]{0,40}(?:#{1,6}[^\\S\\n]{0,40})?${label}[^\\S\\n]{0,40}(?:[:：\\-–—][^\\S\\n]*\\p{L}|\\n\\s*\\p{L})`, 'imu');
    impactPatterns.set(languages, pattern);
  }
  return pattern;
}

/** A catalogue persona other than the internal role itself, named in the ticket: the customer it serves. */
function namesCataloguePersona(textWords: string[], personas: PersonaDefinition[], internalRoles: string[]): boolean {
  return personas.some((p) =>
    [p.name, ...p.aliases].some((name) => !isInternalRole(name, internalRoles) && contains(textWords, wordsOf(name))),
  );
}

/** True when the benefit names an end customer ("so that shoppers see stock sooner"). */
function namesEndCustomer(benefit: string, languages: CompiledLanguage[]): boolean {
  const words = wordsOf(benefit);
  return languages.some((l) => phrasesOf(l.vocab.endCustomers).some((c) => contains(words, c)));
}

/** "Customer impact", "Kundennutzen": the story language's label, for the hint to name. */
const impactLabel = (lang: CompiledLanguage | undefined): string => {
  const label = lang?.vocab.customerImpactLabels[0] ?? 'customer impact';
  return label.charAt(0).toUpperCase() + label.slice(1);
};

export const customerBenefit = defineRule({
  meta: {
    id: 'customer-benefit',
    defaultSeverity: 'warn',
    weight: 5,
    why: 'A business must earn its return, but a story whose only gain is the business\'s gives the customer no reason to care: naming what the persona gets keeps both in view.',
    docs: '#customer-benefit',
    optionsSchema: NO_OPTIONS,
  },
  needsStory: true,
  check(ctx) {
    const { story, config, languages, text } = ctx;
    // No benefit at all is customer-value's finding, not this one's.
    if (!story?.benefit) return null;
    const lang = languageOf(story, languages);
    if (impactPattern(languages).test(text)) return null;
    const t = wordsFor(ctx);
    const role = whoIn(story, text, t);
    const label = impactLabel(lang);
    const goal = quote(story.goal);
    if (isInternalRole(story.role, config.internalRoles)) {
      if (namesEndCustomer(story.benefit, languages) || namesCataloguePersona(wordsOf(text), config.personas, config.internalRoles)) return null;
      return { message: t('customerBenefit.internal', { role }), hint: t('customerBenefit.internal.hint', { label, goal }) };
    }
    if (benefitOf(story, languages)?.kind !== 'business') return null;
    return { message: t('customerBenefit.business', { role }), hint: t('customerBenefit.business.hint', { goal, role, label }) };
  },
});

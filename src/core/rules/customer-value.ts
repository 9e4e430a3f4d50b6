import { wordsOf, type CompiledLanguage } from '../compile.js';
import type { FindingsText } from '../i18n/messages/findings/index.js';
import { benefitCore, findTemplate, isPlaceholder, labelledBenefit, placeholderBenefit } from '../story/parse-story.js';
import type { Story } from '../types.js';
import { defineRule, NO_OPTIONS, whoIn, wordsFor, type RuleFailure } from './rule.js';

/** Most of a benefit a message quotes. */
const QUOTE_CHARS = 80;
const quote = (s: string): string => (s.length > QUOTE_CHARS ? `${s.slice(0, QUOTE_CHARS - 1).trimEnd()}…` : s);

/** Same word or same stem: "export" and "exportieren", "shifts" and "shift". */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(5, a.length, b.length);
  return n >= 4 && a.slice(0, n) === b.slice(0, n);
}

/**
 * True when every word the benefit says is already in the goal, besides pronouns, modals and the
 * role ("I want to export CSV so that I can export CSV"): the benefit says nothing the goal did not.
 */
function restatesGoal(benefitWords: string[], goal: string, lang: CompiledLanguage, roleWords: string[]): boolean {
  let said = 0;
  let goalWords: string[] | null = null;
  for (const w of benefitWords) {
    if (lang.modalWords.has(w) || lang.personWords.has(w) || lang.determiners.has(w) || roleWords.some((r) => sameStem(w, r))) continue;
    goalWords ??= wordsOf(goal);
    if (!goalWords.some((g) => sameStem(w, g))) return false;
    said++;
  }
  return said > 0;
}

/**
 * The system or team a benefit is about instead of the person ("the code is cleaner", "das System
 * ist schneller"): its subject is one of the language's system subjects and nothing else in it names
 * the person (a pronoun, a possessive, a customer, the role). Null for a benefit about the person, and for a
 * story whose role is itself on the team ("As a developer …": the code is their gain).
 */
function systemSubject(words: string[], lang: CompiledLanguage, roleWords: string[]): string | null {
  let at = 0;
  while (at < words.length && (lang.determiners.has(words[at]!) || lang.modalWords.has(words[at]!))) at++;
  for (const length of [3, 2, 1]) {
    const subject = words.slice(at, at + length).join(' ');
    if (words.length - at < length || !lang.systemSubjects.has(subject)) continue;
    // "my team", "unser Team": the person's own team is their concern; "the team" is not theirs.
    const rest = [...words.slice(0, at), ...words.slice(at + length)];
    const aboutPerson = rest.some((w) => lang.personWords.has(w) || roleWords.some((r) => sameStem(w, r)));
    const roleOnTeam = roleWords.some((r) => [...lang.systemSubjects].some((s) => sameStem(r, s)));
    return aboutPerson || roleOnTeam ? null : subject;
  }
  return null;
}

/**
 * A benefit that is there but says too little: it restates the goal, or it is about the system or
 * the team rather than the person. A warning that costs half the rule's weight, as a metric without
 * a target does: the clause is there, what it says is weak.
 */
function weakBenefit(story: Story, lang: CompiledLanguage, text: string, t: FindingsText): RuleFailure | null {
  const roleWords = wordsOf(story.role);
  const benefitWords = wordsOf(story.benefit ?? '');
  // What the benefit says past "I can", "we will be able to": the goal is compared with that.
  const saysWords = wordsOf(benefitCore(story.benefit ?? '', lang));
  // Only a finding quotes the role and the benefit: most benefits are fine, and cost no more.
  const role = (): string => whoIn(story, text, t);
  const benefit = (): string => quote(story.benefit ?? '');
  if (restatesGoal(saysWords, story.goal, lang, roleWords)) {
    return {
      message: t('customerValue.restates', { benefit: benefit(), role: role() }),
      hint: t('customerValue.restates.hint', { goal: quote(story.goal), role: role() }),
      maxSeverity: 'warn',
      partial: true,
    };
  }
  const subject = systemSubject(benefitWords, lang, roleWords);
  if (subject) {
    return {
      message: t('customerValue.system', { benefit: benefit(), subject, role: role() }),
      hint: t('customerValue.system.hint', { role: role(), goal: quote(story.goal) }),
      maxSeverity: 'warn',
      partial: true,
    };
  }
  return null;
}

export const customerValue = defineRule({
  meta: {
    id: 'customer-value',
    defaultSeverity: 'error',
    weight: 15,
    why: 'The benefit is what the customer gets; without it nobody can tell whether the work was worth doing, or find a cheaper way to the same outcome.',
    docs: '#customer-value',
    optionsSchema: NO_OPTIONS,
  },
  needsStory: false,
  check(ctx) {
    const { story, compiled, text, languages } = ctx;
    const t = wordsFor(ctx);
    const lang = languages[0]!;
    if (story?.benefit) return weakBenefit(story, lang, text, t);
    // A benefit clause that only holds a place ("so that TBD", "so that it works") is there but
    // empty: the finding says so rather than "no benefit".
    const template = story ? null : findTemplate(text, compiled);
    const placeholder = story ? placeholderBenefit(story) : template?.placeholders.includes('benefit') ? template.benefitAsWritten : null;
    if (!story) {
      // A template with a real benefit ("As a [type of user], I want …, so that I can reconcile …")
      // states why: its other slots are story-format's to report.
      if (template?.story.benefit) return null;
      // No story, but a "Why:" section: the ticket says why, in its own words.
      const labelled = placeholder === null ? labelledBenefit(text, compiled) : null;
      if (labelled && !isPlaceholder(labelled, lang)) return null;
      return {
        message: labelled
          ? t('customerValue.labelledPlaceholder', { benefit: quote(labelled) })
          : placeholder === null
            ? t('customerValue.none')
            : placeholder
              ? t('customerValue.templateBenefitNamed', { placeholder })
              : t('customerValue.templateBenefit'),
        hint: t('customerValue.none.hint'),
      };
    }
    const role = whoIn(story, text, t);
    if (placeholder !== null) {
      return placeholder
        ? { message: t('customerValue.placeholder', { placeholder, role }), hint: t('customerValue.placeholder.hint', { placeholder, goal: story.goal, role }) }
        : { message: t('customerValue.emptyClause', { role }), hint: t('customerValue.emptyClause.hint', { goal: story.goal, role }) };
    }
    if (story.kind === 'job') return { message: t('customerValue.job'), hint: t('customerValue.job.hint', { goal: story.goal }) };
    return { message: t('customerValue.user', { role }), hint: t('customerValue.user.hint', { goal: story.goal, role }) };
  },
});

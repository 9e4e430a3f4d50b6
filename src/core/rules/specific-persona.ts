import { z } from 'zod';
import type { CompiledConfig } from '../compile.js';
import { personaExample } from '../hints/index.js';
import { closestPersona } from '../persona/closest-persona.js';
import { isGenericRole } from '../persona/generic-role.js';
import { roleAsWritten } from '../story/parse-story.js';
import { formOf, isGenericSituation } from '../story/story-forms.js';
import type { Story } from '../types.js';
import { epicPersonaNote } from '../epic/context.js';
import type { FindingsText } from '../i18n/messages/findings/index.js';
import { defineRule, wordsFor, type RuleFailure } from './rule.js';

export { closestPersona, isGenericRole };

/** Longer roles are not looked for again with marks between their letters. */
const MAX_MARKED_ROLE = 60;

/**
 * The role as written, also when the parser dropped the marks of a gender-inclusive form: "kundin"
 * is quoted as "Kund*in" or "Kund_in" when the ticket writes it so.
 */
function asWritten(role: string, text: string): string {
  const written = roleAsWritten(role, text);
  if (written !== role || role.length > MAX_MARKED_ROLE || !/[*_]/.test(text)) return written;
  const letters = [...role].map((c) => (c === ' ' ? '\\s+' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  const found = new RegExp(`(?<![\\p{L}])${letters.join('[*_]?')}(?![\\p{L}])`, 'iu').exec(text)?.[0];
  return found && found !== found.toUpperCase() ? found.replace(/\s+/g, ' ') : written;
}

/** "a night-shift nurse", "an expert": the English article the example needs; the other languages say "Als Pflegekraft". */
const exampleOf = (phrase: string, locale: string): string => (locale === 'en' ? `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}` : phrase);

/** Most of a situation a message quotes. */
const QUOTE_CHARS = 80;
const quote = (s: string): string => (s.length > QUOTE_CHARS ? `${s.slice(0, QUOTE_CHARS - 1).trimEnd()}…` : s);

/**
 * A job story names no persona: its situation says who and when. It is specific when it names a
 * moment, context or trigger ("the build fails", "I'm re-ordering supplies at the end of a night
 * shift"), generic when nothing is left once pronouns and words like "use", "open" or "app" are taken away.
 */
function genericSituation(story: Story, compiled: CompiledConfig, t: FindingsText): RuleFailure | null {
  const form = formOf(compiled, story.language);
  const situation = story.situation ?? '';
  if (!form || !isGenericSituation(situation, form)) return null;
  return { message: t('specificPersona.situation', { situation: quote(situation) }), hint: t('specificPersona.situation.hint') };
}

export const specificPersona = defineRule({
  meta: {
    id: 'specific-persona',
    defaultSeverity: 'warn',
    weight: 10,
    why: 'A "user" has no needs; a first-time shopper on a phone does. A concrete persona lets the team picture the person and make trade-offs for them.',
    docs: '#specific-persona',
    optionsSchema: z.object({
      /** Roles accepted as personas although they are generic words ("admin" in an internal tool). */
      allowedRoles: z.array(z.string().min(1)).default([]),
    }),
  },
  needsStory: true,
  check(ctx, { allowedRoles }) {
    const { story, languages, compiled, config, ticket, text, domain, hintText, epic } = ctx;
    if (!story) return null;
    const t = wordsFor(ctx);
    const locale = ctx.locale ?? 'en';
    if (story.kind === 'job') return genericSituation(story, compiled, t);
    if (!isGenericRole(story.role, languages)) return null;
    if (allowedRoles.some((r) => r.toLowerCase() === story.role)) return null;
    // The ticket's own spelling: German nouns keep their capital ("Kunde").
    const role = asWritten(story.role, text);
    const ticketWords = { summary: ticket.summary, focus: `${story.goal}\n${story.benefit ?? ''}`, rest: text, language: story.language };
    const persona = closestPersona(config.personas, ticketWords, compiled.languages);
    // German nouns keep their capital ("Pflegekraft"); only English takes the article ("a night nurse").
    const hint = persona
      ? persona.description
        ? t('specificPersona.catalogue.hintDescribed', { persona: locale === 'de' ? persona.name : persona.name.toLowerCase(), description: persona.description })
        : t('specificPersona.catalogue.hint', { persona: locale === 'de' ? persona.name : persona.name.toLowerCase() })
      : t('specificPersona.example.hint', { role, example: exampleOf(personaExample(domain(), { text: hintText, locale }), locale) });
    // The story's epic names its persona: a question, never a pass.
    return { message: t('specificPersona.role', { role }), hint: `${hint}${epicPersonaNote(epic, t)}` };
  },
});

import { z } from 'zod';
import type { CompiledLanguage } from '../compile.js';
import type { PersonaDefinition } from '../config-types.js';
import { roleAsWritten } from '../story/parse-story.js';
import { defineRule } from './rule.js';

/** True when the role is only a generic word, maybe behind vague qualifiers ("regular user"). */
export function isGenericRole(role: string, lang: CompiledLanguage): boolean {
  const words = role.toLowerCase().split(/[\s-]+/).filter(Boolean);
  if (lang.genericRoles.has(words.join(' '))) return true;
  const head = words[words.length - 1];
  if (!head || !lang.genericRoles.has(head)) return false;
  return words.slice(0, -1).every((w) => lang.vagueQualifiers.has(w));
}

const wordsOf = (s: string): Set<string> =>
  new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3));

/** The catalogue persona whose name, aliases and description share most words with the ticket. */
export function closestPersona(personas: PersonaDefinition[], text: string): PersonaDefinition | null {
  const ticketWords = wordsOf(text);
  let best: PersonaDefinition | null = null;
  let bestScore = 0;
  for (const persona of personas) {
    const personaWords = wordsOf([persona.name, persona.description, ...persona.aliases].join(' '));
    let score = 0;
    for (const w of personaWords) if (ticketWords.has(w)) score++;
    if (score > bestScore) [best, bestScore] = [persona, score];
  }
  return best ?? personas[0] ?? null;
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
  check({ story, languages, config, ticket, text }, { allowedRoles }) {
    if (!story) return null;
    const lang = languages[0]!;
    if (!isGenericRole(story.role, lang)) return null;
    if (allowedRoles.some((r) => r.toLowerCase() === story.role)) return null;
    // The ticket's own spelling: German nouns keep their capital ("Kunde").
    const role = roleAsWritten(story.role, text);
    const persona = closestPersona(config.personas, `${ticket.summary} ${story.goal} ${story.benefit ?? ''}`);
    const hint = persona
      ? `Name the persona: "As a ${persona.name.toLowerCase()}, …"${persona.description ? ` (${persona.description})` : ''}.`
      : `Who exactly is the ${role}? Say it, e.g. "As a first-time shopper on mobile" or "As a returning customer with a saved card".`;
    return { message: `"${role}" is a generic role, not a persona.`, hint };
  },
});

/**
 * Which domain a ticket is from (health, finance, commerce…), read from its words, so that its
 * hints propose a ward nurse and a wait time rather than a shopper and checkout conversion.
 */
import type { DomainDefinition } from '../config-schema.js';
import { DEFAULT_DOMAINS, FALLBACK_DOMAIN } from './default-domains.js';
import { compileKeywords, wordsOf, type KeywordMatcher } from './keyword-matcher.js';

/** A domain of the catalogue with its id ("health"); the same object for the same catalogue. */
export interface Domain extends DomainDefinition {
  id: string;
}

/** Domain id -> domain, as centric.yml `domains` parses. */
export type DomainCatalogue = Readonly<Record<string, DomainDefinition>>;

/** Only the start of a long ticket is read: its domain shows in its first paragraphs. */
export const MAX_DOMAIN_TEXT = 10_000;

interface CompiledCatalogue {
  domains: Domain[];
  /** Tag: the index of the domain in `domains`. */
  matcher: KeywordMatcher<number>;
  fallback: Domain;
}

const cache = new WeakMap<DomainCatalogue, CompiledCatalogue>();

const BUILT_IN_FALLBACK: Domain = { id: FALLBACK_DOMAIN, ...DEFAULT_DOMAINS[FALLBACK_DOMAIN]! };

function compileCatalogue(catalogue: DomainCatalogue): CompiledCatalogue {
  let compiled = cache.get(catalogue);
  if (!compiled) {
    const domains = Object.entries(catalogue).map(([id, d]): Domain => ({ id, ...d }));
    const entries = domains.flatMap((d, index) => Object.values(d.keywords).flatMap((words) => words.map((w) => [w, index] as const)));
    compiled = {
      domains,
      matcher: compileKeywords(entries),
      fallback: domains.find((d) => d.id === FALLBACK_DOMAIN) ?? BUILT_IN_FALLBACK,
    };
    cache.set(catalogue, compiled);
  }
  return compiled;
}

/** How strongly the text points to each domain: distinct keywords found, then occurrences. */
export interface DomainEvidence {
  domain: Domain;
  /** The distinct keywords found, folded ("patient*", "schichten"). */
  keywords: string[];
  occurrences: number;
}

/** The evidence for every domain with at least one keyword in the text, strongest first. */
export function domainEvidence(text: string, catalogue: DomainCatalogue): DomainEvidence[] {
  const { domains, matcher } = compileCatalogue(catalogue);
  const distinct = domains.map(() => new Set<string>());
  const occurrences = domains.map(() => 0);
  // A word is one piece of evidence for a domain, however many of its keywords it matches ("nurses": nurse, nurse*).
  const lastWord = domains.map(() => -1);
  matcher.scan(wordsOf(text.slice(0, MAX_DOMAIN_TEXT)), ({ tag, keyword }, at) => {
    if (lastWord[tag] === at) return;
    lastWord[tag] = at;
    distinct[tag]!.add(keyword);
    occurrences[tag]!++;
  });
  return domains
    .map((domain, i) => ({ domain, keywords: [...distinct[i]!], occurrences: occurrences[i]! }))
    .filter((e) => e.keywords.length > 0)
    .sort((a, b) => b.keywords.length - a.keywords.length || b.occurrences - a.occurrences);
}

/**
 * The domain the text is from: the one with most distinct keywords (then most occurrences). When
 * no keyword is found, or two domains are tied exactly, the fallback ("generic"): a wrong domain's
 * example would mislead more than a plain one.
 */
export function detectDomain(text: string, catalogue: DomainCatalogue): Domain {
  const [best, second] = domainEvidence(text, catalogue);
  if (!best) return compileCatalogue(catalogue).fallback;
  if (second && second.keywords.length === best.keywords.length && second.occurrences === best.occurrences) {
    return compileCatalogue(catalogue).fallback;
  }
  return best.domain;
}

/** The catalogue's fallback domain ("generic"), or the built-in one when the catalogue has none. */
export function fallbackDomain(catalogue: DomainCatalogue): Domain {
  return compileCatalogue(catalogue).fallback;
}

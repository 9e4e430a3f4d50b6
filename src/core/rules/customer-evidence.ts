import type { CompiledConfig, CompiledLanguage } from '../compile.js';
import { isPlaceholder } from '../story/parse-story.js';
import type { TextBlock, Ticket } from '../types.js';
import { defineRule, NO_OPTIONS, whoIn, wordsFor, type RuleContext } from './rule.js';

/** Where evidence lives: a host (and its subdomains) and, when given, the path its feedback sits under. */
interface Source {
  host: string;
  path: string;
}

const sourcesCache = new WeakMap<string[], Source[]>();

/** "atlassian.net/servicedesk" -> { host: "atlassian.net", path: "/servicedesk" }, once per list. */
function sourcesOf(domains: string[]): Source[] {
  let sources = sourcesCache.get(domains);
  if (!sources) {
    sources = domains.map((d) => {
      const slash = d.indexOf('/');
      const lower = d.toLowerCase().replace(/\/+$/, '');
      return slash < 0 ? { host: lower, path: '' } : { host: lower.slice(0, slash), path: lower.slice(slash) };
    });
    sourcesCache.set(domains, sources);
  }
  return sources;
}

const within = (path: string, prefix: string): boolean => prefix === '' || path === prefix || path.startsWith(`${prefix}/`);

/** The link as one evidence item (host, path and query, no fragment), or null when it is not evidence. */
function evidenceLink(url: string, sources: Source[]): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase();
  const path = parsed.pathname.toLowerCase().replace(/\/+$/, '');
  const found = sources.some((s) => (host === s.host || host.endsWith(`.${s.host}`)) && within(path, s.path));
  return found ? `${host}${path}${parsed.search}` : null;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const labelCache = new WeakMap<CompiledConfig, { line: RegExp; anywhere: RegExp }>();

/**
 * A line opening with an evidence label of any language ("Evidence:", "## Kundenfeedback",
 * "*Research:*"), its content (if on the same line) in group 1. A dash needs a space before it, so
 * "Research-based" is no label.
 */
function labelPattern(compiled: CompiledConfig): { line: RegExp; anywhere: RegExp } {
  let pattern = labelCache.get(compiled);
  if (!pattern) {
    const labels = [...new Set(compiled.languages.flatMap((l) => l.vocab.evidenceLabels))]
      .sort((a, b) => b.length - a.length)
      .map((l) => escape(l).replace(/\s+/g, '[\\s-]+'));
    const alternation = labels.length > 0 ? labels.join('|') : '(?!)';
    const source = `^[^\\S\\n]*(?:#{1,6}[^\\S\\n]*)?[*_]{0,2}(?:${alternation})[*_]{0,2}(?:(?:[^\\S\\n]*[:：]|[^\\S\\n]+[-–—])[*_]{0,2}[^\\S\\n]*(.*)|[^\\S\\n]*$)`;
    pattern = { line: new RegExp(source, 'iu'), anywhere: new RegExp(source, 'imu') };
    labelCache.set(compiled, pattern);
  }
  return pattern;
}

const hasWords = (text: string, lang: CompiledLanguage): boolean => /[\p{L}\p{N}]/u.test(text) && !isPlaceholder(text.trim(), lang);

/** How many evidence sections hold something: "Evidence: 14 tickets in March", or a heading with text under it. */
function countSections(blocks: TextBlock[], compiled: CompiledConfig, lang: CompiledLanguage): number {
  const { line: label, anywhere } = labelPattern(compiled);
  let count = 0;
  blocks.forEach((block, i) => {
    // Most blocks hold no label: one test of the whole block before splitting it into lines.
    if (block.kind === 'code' || !anywhere.test(block.text)) return;
    const lines = block.text.split('\n');
    lines.forEach((line, j) => {
      const match = label.exec(line);
      if (!match) return;
      // The content is on the label's line, on the block's next lines, or in the next block.
      const rest = lines.slice(j + 1).join('\n');
      const next = blocks[i + 1];
      const content = match[1] || rest || (next && next.kind !== 'heading' && next.kind !== 'code' ? next.text : '');
      if (hasWords(content, lang)) count++;
    });
  });
  return count;
}

/** A quotation in “…”, "…", «…», „…“ or »…«: its text in one of the groups. */
const QUOTATION = /“([^“”\n]{1,400})”|"([^"\n]{1,400})"|«([^«»\n]{1,400})»|„([^„“”\n]{1,400})[“”]|»([^»«\n]{1,400})«/g;
/** Any character a quotation or a "> " line may open with: blocks without one are skipped. */
const QUOTE_MARK = /[“"«„»>]/;
const QUOTE_LINE = /^[^\S\n]*>[^\S\n]?(.+)$/gm;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** A verbatim is a sentence, not a label or a button's text: four words or more. */
const verbatim = (text: string): string | null => {
  const words = text.match(WORD) ?? [];
  return words.length >= 4 ? words.join(' ').toLowerCase() : null;
};

/** Blocks that may quote a customer: not code, nor acceptance criteria (they quote the UI: then I see "Your basket is saved"). */
function quotableBlocks(ticket: Ticket, compiled: CompiledConfig): TextBlock[] {
  const out: TextBlock[] = [];
  let inCriteria = false;
  for (const block of ticket.description) {
    const heading = compiled.acceptanceHeading.test(block.text);
    if (heading || block.kind === 'heading') inCriteria = heading;
    if (!inCriteria && block.kind !== 'code') out.push(block);
  }
  return out;
}

const gwtCache = new WeakMap<CompiledLanguage[], Set<string>>();

/** The Given/When/Then words of every language, once per language order (lintTicket keeps a few). */
function gwtWords(languages: CompiledLanguage[]): Set<string> {
  let gwt = gwtCache.get(languages);
  if (!gwt) gwtCache.set(languages, (gwt = new Set(languages.flatMap((l) => l.givenWhenThen.flat()))));
  return gwt;
}

/** The distinct customer verbatims: quote blocks, "> " lines and quoted sentences, outside Given/When/Then lines. */
function verbatims(blocks: TextBlock[], languages: CompiledLanguage[]): Set<string> {
  const found = new Set<string>();
  const add = (text: string | undefined): void => {
    const v = text ? verbatim(text) : null;
    if (v) found.add(v);
  };
  const gwt = gwtWords(languages);
  for (const block of blocks) {
    if (block.kind !== 'quote' && !QUOTE_MARK.test(block.text)) continue;
    if (block.kind === 'quote') {
      add(block.text);
      continue;
    }
    for (const line of block.text.split('\n')) {
      const first = /^\s*([\p{L}]+)/u.exec(line)?.[1]?.toLowerCase();
      if (first && gwt.has(first)) continue;
      for (const m of line.matchAll(QUOTE_LINE)) add(m[1]);
      for (const m of line.matchAll(QUOTATION)) add(m.slice(1).find((g) => g !== undefined));
    }
  }
  return found;
}

const counts = new WeakMap<RuleContext, number>();

/**
 * How many distinct evidence items the ticket shows: links to feedback and insight sources,
 * evidence sections with content, quoted customer verbatims and linked issues of an evidence type.
 * A count only: the report never carries what they say or whom they name.
 */
export function evidenceCount(ctx: RuleContext): number {
  let count = counts.get(ctx);
  if (count === undefined) {
    const { ticket, config, compiled, languages } = ctx;
    const sources = sourcesOf(config.evidenceDomains);
    const links = new Set(ticket.links.map((l) => evidenceLink(l, sources)).filter((l) => l !== null));
    const types = new Set(config.evidenceIssueTypes.map((t) => t.toLowerCase()));
    const issues = new Set(ticket.linkedIssues.filter((i) => types.has(i.issueType.toLowerCase())).map((i) => i.key));
    const sections = countSections([...ticket.description, ...ticket.acceptanceCriteria], compiled, languages[0]!);
    count = links.size + issues.size + sections + verbatims(quotableBlocks(ticket, compiled), languages).size;
    counts.set(ctx, count);
  }
  return count;
}

/** What the report says of the evidence: its count, present whenever the rule is on. */
export const evidenceOf = (ctx: RuleContext): { count: number } => ({ count: evidenceCount(ctx) });

export const customerEvidence = defineRule({
  meta: {
    id: 'customer-evidence',
    defaultSeverity: 'warn',
    weight: 10,
    why: 'Evidence shows the need is real: a support ticket, an interview or the analytics tell the team what customers asked for, not what someone guessed.',
    docs: '#customer-evidence',
    optionsSchema: NO_OPTIONS,
  },
  needsStory: false,
  check(ctx) {
    if (evidenceCount(ctx) > 0) return null;
    const t = wordsFor(ctx);
    return { message: t('customerEvidence.none'), hint: t('customerEvidence.hint', { role: whoIn(ctx.story, ctx.text, t) }) };
  },
});

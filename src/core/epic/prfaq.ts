/**
 * Working backwards in a document of its own: a PR/FAQ (press release and frequently asked
 * questions) on Confluence or Google Docs answers an epic's customer questions there, so the
 * epic need not repeat them.
 */
import type { CompiledConfig } from '../compile.js';
import type { TextBlock } from '../types.js';
import { sectionOf, type LabelAt, type LabelKind } from './labels.js';

/** A Confluence page (Cloud's /wiki/, Data Center's /confluence/ or /display/) or a Google Doc. */
export function isDocumentLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  const host = parsed.hostname.toLowerCase();
  const path = parsed.pathname.toLowerCase();
  if (host === 'docs.google.com') return path.startsWith('/document/');
  if (host.endsWith('.atlassian.net') && path.startsWith('/wiki/')) return true;
  return path.startsWith('/confluence/') || path.includes('/display/');
}

/** A URL that says what it is: …/PR-FAQ+Faster+checkout, …/press-release-…, …/prfaq. */
const NAMED_PRFAQ = /pr[-_+ ]?faq|press[-_+ ]?release/i;

/** An address in text (a bare URL, an ADF inline card, a wiki [address]), as normalise reads them. */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'|\])]+[^\s<>"'|\]).,;:!?]/gi;

/**
 * A line's label (group 1): "Architecture: https://…", "*Google Doc:* […]"; an address
 * ("https://…") is none. Short and linear: a run of at most 40.
 */
const LINE_LABEL = /^\s{0,20}[*_]{0,2}([\p{L}][\p{L}\p{N} &/'-]{0,40})[*_]{0,2}\s{0,5}[:：](?!\/\/)/u;
const LABEL_WORD = /[^\p{L}\p{N}]+/u;
/** "2", "v2": a version in a label ("Draft 2:") says nothing of what it links. */
const VERSION = /^v?\d{1,4}$/;

const linkWordSets = new WeakMap<CompiledConfig, ReadonlySet<string>>();

/** The words of a label that links the PR/FAQ itself: every language's prfaqLinkLabels, articles and PR/FAQ labels' words. */
function linkWordsOf(compiled: CompiledConfig): ReadonlySet<string> {
  let words = linkWordSets.get(compiled);
  if (!words) {
    const set = new Set<string>();
    for (const { vocab: v } of compiled.languages) {
      const labels = [...v.prfaqLinkLabels, ...v.articles, ...v.prfaqLabels.document, ...v.prfaqLabels.pressRelease, ...v.prfaqLabels.faq];
      for (const label of labels) for (const word of label.toLowerCase().split(LABEL_WORD)) if (word) set.add(word);
    }
    linkWordSets.set(compiled, (words = set));
  }
  return words;
}

/**
 * A line under a PR/FAQ label that carries a label of its own naming something else
 * ("Architecture: https://…", "Owner: …", "Q: …") links what that label names, not the PR/FAQ.
 * One made only of link words ("Link:", "Google Doc:", "Draft 2:", "Confluence:") links the PR/FAQ.
 */
function isOtherLabel(line: string, compiled: CompiledConfig): boolean {
  const label = LINE_LABEL.exec(line)?.[1];
  if (!label) return false;
  const linkWords = linkWordsOf(compiled);
  return !label
    .toLowerCase()
    .split(LABEL_WORD)
    .every((word) => word === '' || linkWords.has(word) || VERSION.test(word));
}

const PRFAQ_KINDS: ReadonlySet<LabelKind> = new Set(['document', 'pressRelease', 'faq']);
/** PR/FAQ labels read for a link at most: an epic has a few; a hostile one thousands. */
const MAX_PRFAQ_LABELS = 10;

/** Links on words read per block at most: a PR/FAQ section holds a few. */
const MAX_BLOCK_LINKS = 50;

/** Wiki emphasis around a link's words ("[*the PR/FAQ*|…]"), gone from the block's text. */
const EMPHASIS_EDGES = /^[*_+~^-]{1,10}|[*_+~^-]{1,10}$/g;

/**
 * The links of some lines of a block: the addresses in their text, and the links on their words
 * (found by those words). A link whose words cannot be found (a card) counts only when the lines
 * are the whole block.
 */
function linksOfLines(block: TextBlock, lines: string[], wholeBlock: boolean): string[] {
  const out: string[] = [];
  for (const line of lines) if (line.includes('http')) out.push(...(line.match(URL_IN_TEXT) ?? []));
  for (const link of (block.links ?? []).slice(0, MAX_BLOCK_LINKS)) {
    const words = link.text.slice(0, 300).replace(EMPHASIS_EDGES, '').trim();
    if (wholeBlock || (words !== '' && lines.some((l) => l.includes(words)))) out.push(link.url);
  }
  return out;
}

/** The links on a PR/FAQ label's line and in its section (lines labelled otherwise left out). */
function linksOfLabel(at: LabelAt, blocks: TextBlock[], compiled: CompiledConfig): string[] {
  const block = blocks[at.block]!;
  const section = sectionOf(at, blocks, compiled);
  const under = section.under.filter((l) => !isOtherLabel(l, compiled));
  // The whole block is the label's when the label opens its first line and its section runs to the block's end.
  const links = linksOfLines(block, [at.lines[at.line]!, ...under], at.line === 0 && section.toBlockEnd && under.length === section.under.length);
  for (const next of section.after) {
    if (next.kind === 'code') continue;
    const lines = next.text.split('\n');
    const mine = lines.filter((l) => !isOtherLabel(l, compiled));
    links.push(...linksOfLines(next, mine, mine.length === lines.length));
  }
  return links;
}

/**
 * The PR/FAQ the epic hands its questions to: a document link whose address names it (anywhere),
 * or one on a line labelled PR/FAQ, "Press release" or "FAQ" or in the section under such a
 * heading; "description" when the description holds a press release and an FAQ section, each
 * with content; null when none. An FAQ heading with nothing under it and an architecture page
 * elsewhere is no PR/FAQ.
 */
export function prfaqOf(
  links: string[],
  blocks: TextBlock[],
  labels: LabelAt[],
  sections: Map<LabelKind, string>,
  compiled: CompiledConfig,
  hasContent: (text: string | undefined) => boolean,
): string | null {
  const named = links.find((l) => NAMED_PRFAQ.test(l) && isDocumentLink(l));
  if (named) return named;
  let read = 0;
  for (const at of labels) {
    if (!PRFAQ_KINDS.has(at.kind)) continue;
    if (++read > MAX_PRFAQ_LABELS) break;
    // "PR/FAQ: TBD" says there is none yet: a card or link beside it is another document.
    if (at.rest && !hasContent(at.rest)) continue;
    const document = linksOfLabel(at, blocks, compiled).find(isDocumentLink);
    if (document) return document;
  }
  if (hasContent(sections.get('pressRelease')) && hasContent(sections.get('faq'))) return 'description';
  return null;
}


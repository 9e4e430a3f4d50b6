/**
 * Working backwards in a document of its own: a PR/FAQ (press release and frequently asked
 * questions) on Confluence or Google Docs answers an epic's customer questions there, so the
 * epic need not repeat them.
 */
import type { LabelKind } from './labels.js';

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

/**
 * The PR/FAQ the epic hands its questions to: a document link whose URL names it, or any document
 * link when a line is labelled PR/FAQ, "Press release" or "FAQ" (in ADF a link's address is not in
 * the line's text: the label and the link are read as a pair); "description" when the description
 * holds both a press release and an FAQ section; null when none.
 */
export function prfaqOf(links: string[], sections: Map<LabelKind, string>): string | null {
  const documents = links.filter(isDocumentLink);
  const named = documents.find((l) => NAMED_PRFAQ.test(l));
  if (named) return named;
  if (documents.length > 0 && (sections.has('document') || sections.has('pressRelease') || sections.has('faq'))) return documents[0]!;
  if (sections.get('pressRelease') && sections.get('faq')) return 'description';
  return null;
}

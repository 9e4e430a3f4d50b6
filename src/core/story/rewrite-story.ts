import type { CompiledConfig } from '../compile.js';
import { rewriteAdf, type AdfNode } from './rewrite-adf.js';
import { rewriteWiki } from './rewrite-wiki.js';
import { safeDesignUrl } from './safe-url.js';
import { en } from '../vocab/en.js';
import type { Locale } from '../i18n/locales.js';
import { SKELETONS, SUCCESS_LABEL, successMarker } from './story-skeleton.js';

export { safeDesignUrl };

/** What the Fix-it modal collects. */
export interface StoryFix {
  role: string;
  goal: string;
  benefit: string;
  /** "Success: …" line; empty to leave the ticket's own. */
  metric: string;
  /** A design or recording link; empty for none. */
  visualsUrl: string;
  /** Set for a job story ("When <situation>, I want to …, so I can …"), which names no role. */
  situation?: string;
  /** The language the ticket's story is written in, and the one Fix it writes it in; absent: English. */
  language?: Locale;
}

const article = (role: string): string => (/^[aeiou]/i.test(role) ? 'an' : 'a');

/** "I can get home on time", "I’m home on time", "we hand over cleanly": written after "so" as they are. */
const OWN_SUBJECT = /^(?:i|we)(?:['’]\p{L}{1,2})?\s/iu;

/**
 * The job story is written in English: its "so" clause is read with the English vocabulary. A
 * benefit that opens with a determiner or a person ("my patients …", "the night shift ends …",
 * "customers …"), or whose second word is a verb or modal after a first that is none ("patients get
 * …", "orders can …"), has a subject of its own.
 */
const DETERMINERS = new Set([...en.determiners, ...en.personWords]);
const VERBS = new Set(en.goalVerbs);
const MODALS = new Set(en.modalWords);

/** What follows the motivation: "so I can <verb …>" for a bare verb phrase, "so that <clause>" for a clause with its own subject. */
function soClause(benefit: string): string {
  if (OWN_SUBJECT.test(benefit)) return `so ${benefit}`;
  const [first = '', second = ''] = benefit.toLowerCase().split(/\s+/, 2);
  const ownSubject = DETERMINERS.has(first) || (!VERBS.has(first) && !MODALS.has(first) && (VERBS.has(second) || MODALS.has(second)));
  return ownSubject ? `so that ${benefit}` : `so I can ${benefit}`;
}

/** The story sentence Fix it writes, in the ticket's language (its vocabulary's markers, so the lint reads it back as that language). */
export function storySentence(fix: StoryFix): string {
  if (fix.language && fix.language !== 'en') return localSentence(fix, fix.language);
  const goal = fix.goal.trim().replace(/^to\s+/i, '');
  if (fix.situation !== undefined) {
    const benefit = fix.benefit.trim().replace(/^so\s+(?:that\s+)?/i, '').replace(/[.\s]+$/, '');
    const situation = fix.situation.trim().replace(/^when(?:ever)?\s+/i, '').replace(/[,\s]+$/, '');
    return `When ${situation}, I want to ${goal}, ${soClause(benefit)}.`;
  }
  return `As ${article(fix.role)} ${fix.role.trim()}, I want to ${goal}, so that ${fix.benefit.trim().replace(/[.\s]+$/, '')}.`;
}

function localSentence(fix: StoryFix, language: Exclude<Locale, 'en'>): string {
  const skeleton = SKELETONS[language];
  const clean = (text: string, lead: RegExp) => text.trim().replace(lead, '').replace(/[.\s]+$/, '');
  const goal = clean(fix.goal, skeleton.leads.goal).replace(/,+$/, '');
  const benefit = clean(fix.benefit, skeleton.leads.benefit);
  if (fix.situation !== undefined) return skeleton.job(clean(fix.situation, skeleton.leads.situation).replace(/,+$/, ''), goal, benefit);
  return skeleton.user(fix.role.trim(), goal, benefit);
}

/** The success line's label in the story's language: "Success", "Erfolg", "Éxito"… */
export const successLabel = (language: Locale = 'en'): string => (language === 'en' ? 'Success' : SKELETONS[language].success);

/** French sets a (non-breaking) space before a colon. */
const colon = (language: Locale): string => (language === 'fr' ? '\u00a0: ' : ': ');

/** The metric as written after the label: a label the person typed, in any language, is not repeated. */
export const metricText = (metric: string): string => metric.trim().replace(SUCCESS_LABEL, '');

/** "Success: …" in English as it always was (a label the person typed kept); "Erfolg: …" in the story's language. */
export function successLine(metric: string, language: Locale = 'en'): string {
  if (language === 'en') return /^success\s*:/i.test(metric.trim()) ? metric.trim() : `Success: ${metric.trim()}`;
  return `${successLabel(language)}${colon(language)}${metricText(metric)}`;
}

/** The modal's text fields are one line each; a pasted line break must not split the story's block. */
const oneLine = (s: string): string => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/** What both formats write: the story, the metric after "Success:", the whole success line, a link. */
function editOf(fix: StoryFix) {
  const metric = oneLine(fix.metric);
  return {
    story: oneLine(storySentence(fix)),
    job: fix.situation !== undefined,
    success: fix.language && fix.language !== 'en' ? metricText(metric) : metric.replace(/^success\s*:\s*/i, ''),
    successLine: metric ? successLine(metric, fix.language) : '',
    successMarker: successMarker(fix.language),
    designUrl: safeDesignUrl(oneLine(fix.visualsUrl)),
  };
}

/**
 * Rewrites only the story's own text, inside the block that holds it (a paragraph, a list item's
 * paragraph, a table cell, a panel…), and only the text after "Success:"; adds a success line and a
 * design link when asked. Every other node, mark and attribute is kept as it was: media above all,
 * since Jira deletes an attachment whose media node disappears.
 */
export function rewriteAdfStory(doc: unknown, fix: StoryFix, compiled: CompiledConfig): Record<string, unknown> {
  const original = (doc && typeof doc === 'object' ? doc : { type: 'doc', version: 1, content: [] }) as AdfNode & { version?: number };
  const content = Array.isArray(original.content) ? original.content : [];
  const rewritten = rewriteAdf({ ...original, content }, editOf(fix), compiled);
  return { ...rewritten, type: 'doc', version: 1 };
}

/** The same for wiki markup (Jira Data Center): only the story's and the success line's text change. */
export function rewriteWikiStory(wiki: string | null | undefined, fix: StoryFix, compiled: CompiledConfig): string {
  return rewriteWiki(wiki ?? '', editOf(fix), compiled);
}

/**
 * What an epic says of its customer: the five working-backwards questions, each answered by a
 * labelled line or heading, or by what the story rules already detect (a story's role and benefit,
 * a metric with a target, a design link or image); or all of them by a PR/FAQ.
 */
import { hasTarget } from '../metric/promise.js';
import { metricPromiseOf } from '../rules/customer-metric.js';
import type { RuleContext } from '../rules/rule.js';
import { visualEvidence } from '../rules/visual-evidence.js';
import { isPlaceholder, normaliseRole } from '../story/parse-story.js';
import type { CompiledLanguage } from '../compile.js';
import { EPIC_QUESTIONS, labelledSections, labelsIn, type EpicQuestion } from './labels.js';
import { prfaqOf } from './prfaq.js';

export interface EpicReading {
  /** The customer it names, normalised like a story's role; null when none. */
  persona: string | null;
  /** The name of its metric with a target; null when none. */
  metric: string | null;
  /** The questions it leaves unanswered, in the order they are asked; empty when a PR/FAQ answers them. */
  missing: EpicQuestion[];
  /** The PR/FAQ's link, "description" for press release and FAQ sections in it, or null. */
  prfaq: string | null;
}

/** A persona longer than this is a paragraph, not a name: it is cut at a word. */
const MAX_PERSONA = 80;

const hasContent = (text: string | undefined, lang: CompiledLanguage): text is string => !!text && /[\p{L}\p{N}]/u.test(text) && !isPlaceholder(text, lang);

/** "Night nurses on a ward. They work alone." -> "night nurses on a ward": the first sentence, as a story's role is read. */
function personaOf(text: string, lang: CompiledLanguage): string | null {
  const first = text.split(/\n|[.;!?](?:\s|$)/, 1)[0] ?? '';
  let persona = normaliseRole(first.slice(0, 200), lang);
  if (persona.length > MAX_PERSONA) persona = persona.slice(0, persona.lastIndexOf(' ', MAX_PERSONA) > 0 ? persona.lastIndexOf(' ', MAX_PERSONA) : MAX_PERSONA);
  return persona || null;
}

const WORD_EDGE = /[\p{L}\p{N}]/u;

/** A catalogue persona named in the text, as a whole phrase ("night-shift nurse"); its name in lower case. */
function cataloguePersona(ctx: RuleContext): string | null {
  const lower = ctx.text.toLowerCase();
  for (const p of ctx.config.personas) {
    for (const name of [p.name, ...p.aliases]) {
      const n = name.toLowerCase();
      let at = lower.indexOf(n);
      while (at >= 0) {
        if (!WORD_EDGE.test(lower.charAt(at - 1)) && !WORD_EDGE.test(lower.charAt(at + n.length))) return p.name.toLowerCase();
        at = lower.indexOf(n, at + 1);
      }
    }
  }
  return null;
}

const readings = new WeakMap<RuleContext, EpicReading>();

/** The epic's reading, once per lint: the rule judges it, the report carries it. */
export function readEpic(ctx: RuleContext): EpicReading {
  let reading = readings.get(ctx);
  if (reading) return reading;
  const { ticket, compiled, story, blocks, text } = ctx;
  const lang = ctx.languages[0]!;
  const labels = labelsIn(blocks, compiled);
  const sections = labelledSections(labels, blocks, compiled);
  const said = (q: EpicQuestion): string | undefined => {
    const content = sections.get(q);
    return hasContent(content, lang) ? content : undefined;
  };
  const customer = said('customer');
  // A job story ("When …, I want …") names no role: its '' is no customer.
  const persona = customer ? personaOf(customer, lang) : story?.role || cataloguePersona(ctx);
  const promise = metricPromiseOf(text, blocks, compiled);
  const metricLine = said('metric');
  const answered: Record<EpicQuestion, boolean> = {
    customer: !!persona,
    problem: said('problem') !== undefined,
    benefit: said('benefit') !== undefined || !!story?.benefit,
    metric: promise !== null || (metricLine !== undefined && hasTarget(metricLine, compiled)),
    experience: said('experience') !== undefined || visualEvidence(ticket, compiled.designDomains, compiled.recordingDomains).length > 0,
  };
  const prfaq = prfaqOf(ticket.links, blocks, labels, sections, compiled, (t) => hasContent(t, lang));
  reading = {
    persona,
    metric: promise?.name ?? null,
    missing: prfaq ? [] : EPIC_QUESTIONS.filter((q) => !answered[q]),
    prfaq,
  };
  readings.set(ctx, reading);
  return reading;
}

/**
 * Which stage of the customer journey a story serves: a ticket label or component a stage names
 * first, else the stage whose keywords the story's words hit most. Pure; compiled once per
 * journey (a WeakMap, as compile.ts does), so a ticket costs one split of a short text and a map
 * lookup per word.
 */
import { compileKeywords, wordsOf, type KeywordMatcher } from '../hints/keyword-matcher.js';
import type { Story, Ticket } from '../types.js';
import type { JourneySettings, JourneyStageSettings } from './journey-schema.js';

/** The stage a story was put in. */
export interface StageMatch {
  stage: JourneyStageSettings;
  /** How: a label or component the stage names, or its keywords in the story. */
  by: 'label' | 'component' | 'keywords';
}

interface CompiledJourney {
  stages: JourneyStageSettings[];
  /** Lower-case label -> the first stage naming it. */
  labels: Map<string, number>;
  components: Map<string, number>;
  /** Tag: the index of the stage. */
  keywords: KeywordMatcher<number>;
}

/** The story's words read for keywords: the start of a long goal or benefit is enough, and bounds the cost. */
const MAX_TEXT = 2_000;

const cache = new WeakMap<JourneySettings, CompiledJourney>();

/** Each name to the first stage (in journey order) that lists it: a tie goes to the stage declared first. */
function firstStageOf(stages: JourneyStageSettings[], names: (s: JourneyStageSettings) => string[]): Map<string, number> {
  const map = new Map<string, number>();
  stages.forEach((stage, i) => {
    for (const name of names(stage)) if (!map.has(name.toLowerCase())) map.set(name.toLowerCase(), i);
  });
  return map;
}

function compileJourney(journey: JourneySettings): CompiledJourney {
  let compiled = cache.get(journey);
  if (!compiled) {
    const { stages } = journey;
    compiled = {
      stages,
      labels: firstStageOf(stages, (s) => s.match.labels),
      components: firstStageOf(stages, (s) => s.match.components),
      keywords: compileKeywords(stages.flatMap((s, i) => s.match.keywords.map((k) => [k, i] as const))),
    };
    cache.set(journey, compiled);
  }
  return compiled;
}

/** The first stage (in journey order) that names one of the values. */
function byName(values: string[], names: Map<string, number>): number | null {
  let best: number | null = null;
  for (const value of values) {
    const i = names.get(value.toLowerCase());
    if (i !== undefined && (best === null || i < best)) best = i;
  }
  return best;
}

/**
 * What the keywords are read in: the summary and the story's goal, benefit and situation (a job
 * story's "When …"); without a story, the summary and the start of the description (`hintText`).
 */
export function stageText(ticket: Pick<Ticket, 'summary'>, story: Story | null, hintText: string): string {
  if (!story) return hintText.slice(0, MAX_TEXT);
  // A job story's situation: added to Story by the job-story parser; read when present.
  const situation = (story as Story & { situation?: string | null }).situation ?? '';
  return `${ticket.summary}\n${situation}\n${story.goal}\n${story.benefit ?? ''}`.slice(0, MAX_TEXT);
}

/**
 * The stage of a ticket, or null when no label, component or keyword points to one (or the
 * journey has no stages). Keywords: the stage with the most distinct keywords in `text` wins; a
 * tie goes to the stage declared first.
 */
export function assignStage(ticket: Pick<Ticket, 'labels' | 'components'>, text: string, journey: JourneySettings): StageMatch | null {
  if (journey.stages.length === 0) return null;
  const compiled = compileJourney(journey);
  const byLabel = byName(ticket.labels, compiled.labels);
  if (byLabel !== null) return { stage: compiled.stages[byLabel]!, by: 'label' };
  const byComponent = byName(ticket.components, compiled.components);
  if (byComponent !== null) return { stage: compiled.stages[byComponent]!, by: 'component' };
  // Distinct keywords per stage: a story repeated in summary and description counts once.
  // Allocated on the first hit only: most tickets of a team's backlog hit one stage or none.
  let found: Map<number, Set<string>> | null = null;
  compiled.keywords.scan(wordsOf(text), ({ tag, keyword }) => {
    found ??= new Map();
    const keywords = found.get(tag);
    if (keywords) keywords.add(keyword);
    else found.set(tag, new Set([keyword]));
  });
  if (!found) return null;
  let best = -1;
  let most = 0;
  for (const [i, keywords] of found as Map<number, Set<string>>) {
    if (keywords.size > most || (keywords.size === most && i < best)) [best, most] = [i, keywords.size];
  }
  return { stage: compiled.stages[best]!, by: 'keywords' };
}

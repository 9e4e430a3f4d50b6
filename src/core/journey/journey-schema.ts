/**
 * centric.yml `journey`: the stages of the customer journey, how a story is put in one, and the
 * KPIs each stage is measured by. Its own module so config-schema.ts only places it among the
 * lint settings (a project may declare its own journey).
 */
import { z } from 'zod';
import { isKeyword } from '../hints/keyword-matcher.js';
import { DEFAULT_JOURNEY_STAGES, DEFAULT_QUIET_PERIODS } from './default-journey.js';

/** Bounds: a journey is read for every ticket, and its names are shown in comments and digests. */
const MAX_STAGES = 30;
const MAX_NAME = 60;
const MAX_KPIS = 10;
const MAX_KPI = 80;
const MAX_MATCHES = 300;
const MAX_LANGUAGES = 20;

/** The journey's schema: zod objects, made when a centric.yml is first parsed (see journeySchema). */
function makeJourneySchema() {
  const label = z.string().min(1).max(255).regex(/^\S+$/, 'a Jira label has no spaces');
  const component = z.string().min(1).max(255);
  const keyword = z.string().max(100).refine(isKeyword, { message: 'expected a word or phrase; a single word (3 letters or more) may start or end with *' });
  const keywordList = z.array(keyword).max(MAX_MATCHES);
  /** A stage or KPI name is one line: a comment, a digest line and a Slack section show it. */
  const oneLine = (what: string) => z.string().trim().regex(/^[^\r\n\u2028\u2029]*$/, `keep ${what} on one line`);

  const stageSchema = z
    .object({
      name: oneLine('a stage name')
        .min(1, 'give the stage a name, such as Discover')
        .max(MAX_NAME, `keep a stage name within ${MAX_NAME} characters`),
      /** What puts a story in this stage: a label or component (case-insensitive) first, then keywords in the story. */
      match: z
        .object({
          labels: z.array(label).max(MAX_MATCHES).default([]),
          components: z.array(component).max(MAX_MATCHES).default([]),
          /**
           * One list, read in every language; or a list per language code ({ en: [...], de: [...] }),
           * each read only in a story written in that language.
           */
          keywords: z
            .union([
              keywordList,
              z
                .record(z.string().regex(/^[a-z]{2,3}$/, 'expected a language code such as en or de'), keywordList)
                .refine((byLanguage) => Object.keys(byLanguage).length <= MAX_LANGUAGES, `list keywords for at most ${MAX_LANGUAGES} languages`),
            ])
            .default([]),
        })
        .strict()
        .prefault({}),
      /** The customer metrics the stage is measured by, the most typical first. */
      kpis: z.array(oneLine('a KPI').min(1).max(MAX_KPI)).max(MAX_KPIS, `list at most ${MAX_KPIS} KPIs per stage`).default([]),
    })
    .strict();

  /** Stage names are unique (case-insensitive): the report, the history and the digest name a stage by it. */
  const stagesSchema = z
    .array(stageSchema)
    .max(MAX_STAGES, `list at most ${MAX_STAGES} stages`)
    .superRefine((stages, ctx) => {
      const seen = new Set<string>();
      stages.forEach((stage, i) => {
        const key = stage.name.toLowerCase();
        if (seen.has(key)) {
          ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `the stage "${stage.name}" is declared twice: give each stage its own name` });
        }
        seen.add(key);
      });
    });

  return z
    .object({
      /** The stages, in journey order; giving them replaces the default e-commerce journey; [] turns stages off. */
      stages: stagesSchema.default(DEFAULT_JOURNEY_STAGES),
      /** A stage with no story in this many digest periods is called out in the digest. */
      quietPeriods: z.number().int().min(1).max(12).default(DEFAULT_QUIET_PERIODS),
    })
    .strict()
    .prefault({});
}

let made: ReturnType<typeof makeJourneySchema> | undefined;

/** centric.yml `journey`; made on first use, as config-schema.ts makes the rest of centric.yml's schema. */
export const journeySchema = (): ReturnType<typeof makeJourneySchema> => (made ??= makeJourneySchema());

export type JourneySettings = z.output<ReturnType<typeof journeySchema>>;
export type JourneyStageSettings = JourneySettings['stages'][number];

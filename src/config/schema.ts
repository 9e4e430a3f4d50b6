import { z } from 'zod';
import { RULE_IDS } from '../core/types.js';

const regexSource = z.string().min(1).refine(
  (s) => {
    try {
      new RegExp(s, 'iu');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected a valid regular expression' },
);

const words = z.array(z.string().min(1));

export const vocabularySchema = z
  .object({
    roleMarkers: z.array(regexSource),
    goalMarkers: z.array(regexSource),
    benefitMarkers: z.array(regexSource),
    nonRolePhrases: words,
    articles: words,
    genericRoles: words,
    vagueQualifiers: words,
    metricTerms: words,
    metricHeads: words,
    metricHeadStopWords: words,
    targetWords: words,
    units: z.array(regexSource),
    acceptanceHeadings: words,
    givenWhenThen: z.tuple([z.string().min(1), z.string().min(1), z.string().min(1)]),
    conjunctions: words,
    goalVerbs: words,
  })
  .partial()
  .strict();

const ruleId = z.enum(RULE_IDS);
const severity = z.enum(['off', 'warn', 'error']);

/** A rule is "off|warn|error", or an object with its severity and its options. */
const ruleSettings = z
  .object({
    'story-format': severity,
    'customer-value': severity,
    'specific-persona': z.union([severity, z.object({ severity: severity.optional(), allowedRoles: z.array(z.string().min(1)).optional() }).strict()]),
    'customer-metric': z.union([severity, z.object({ severity: severity.optional(), requireTarget: z.boolean().optional() }).strict()]),
    'visual-evidence': severity,
    'acceptance-criteria': severity,
    'single-goal': severity,
  })
  .partial()
  .strict();

const customField = z.string().regex(/^customfield_\d+$/, 'expected a field id such as customfield_10035');

const lintSettings = {
  issueTypes: z.array(z.string().min(1)).min(1, 'list at least one issue type, e.g. [Story]'),
  rules: ruleSettings,
  scoreWeights: z.partialRecord(ruleId, z.number().min(0).max(1000)),
  personas: z.array(
    z
      .object({
        name: z.string().min(1),
        description: z.string().default(''),
        aliases: z.array(z.string().min(1)).default([]),
      })
      .strict(),
  ),
  vocabulary: z.record(z.string().regex(/^[a-z]{2,3}$/, 'expected a language code such as en or de'), vocabularySchema),
  designDomains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'expected a domain such as figma.com')),
  recordingDomains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'expected a domain such as loom.com')),
  acceptanceCriteriaField: customField.nullable(),
};

export const projectOverrideSchema = z.object(lintSettings).partial().strict();

/** centric.yml: every key optional, unknown keys rejected so a typo never goes unnoticed. */
export const configFileSchema = z
  .object({
    ...lintSettings,
    jira: z
      .object({
        debounceSeconds: z.number().int().min(0).max(86_400).optional(),
        label: z.string().min(1).regex(/^\S+$/, 'a Jira label has no spaces').nullable().optional(),
        exemptLabel: z.string().min(1).regex(/^\S+$/, 'a Jira label has no spaces').optional(),
        onPass: z.enum(['note', 'remove']).optional(),
        rulesDocUrl: z.url().optional(),
        concurrency: z.number().int().min(1).max(32).optional(),
        timeoutSeconds: z.number().int().min(1).max(300).optional(),
        poll: z
          .object({
            intervalMinutes: z.number().int().min(0).max(1440).optional(),
            projects: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'expected a Jira project key such as SHOP')).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    nudges: z
      .object({
        recipients: z.enum(['reporter', 'assignee', 'both']).optional(),
        workingHours: z
          .object({
            days: z.array(z.number().int().min(0).max(6)).min(1, 'list at least one day, 0 = Sunday … 6 = Saturday'),
            start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time such as 09:00'),
            end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time such as 18:00'),
          })
          .strict()
          .optional(),
        perDay: z.number().int().min(1).max(24).optional(),
        snoozeDays: z.number().int().min(1).max(90).optional(),
        onStatuses: z.array(z.string().min(1)).optional(),
        onSprint: z.boolean().optional(),
      })
      .strict(),
    slack: z
      .object({ admins: z.array(z.string().regex(/^[UW][A-Z0-9]+$/, 'expected a Slack user id such as U024BE7LH')).optional() })
      .strict(),
    digest: z
      .object({
        benefitField: customField.nullable().optional(),
        costField: customField.nullable().optional(),
        readyStatuses: z.array(z.string().min(1)).optional(),
      })
      .strict(),
    inbox: z
      .object({
        concurrency: z.number().int().min(1).max(64).optional(),
        maxAttempts: z.number().int().min(1).max(50).optional(),
        leaseSeconds: z.number().int().min(1).max(3600).optional(),
      })
      .strict(),
    retention: z
      .object({
        historyDays: z.number().int().min(1).optional(),
        inboxDays: z.number().int().min(1).optional(),
      })
      .strict(),
    projects: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'expected a Jira project key such as SHOP'), projectOverrideSchema),
  })
  .partial()
  .strict();

export type ConfigFile = z.infer<typeof configFileSchema>;
export type VocabularyOverride = z.infer<typeof vocabularySchema>;
export type RuleSettingsFile = z.infer<typeof ruleSettings>;

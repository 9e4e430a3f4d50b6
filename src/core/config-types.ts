/**
 * The configuration's types, derived from its schema (config-schema.ts) so that a setting, its
 * validation and its default are declared once. Kept as its own module for the many importers.
 */
import type { z } from 'zod';
import type { CentricConfig, LintSettings, personaSchema } from './config-schema.js';

export type { CentricConfig, LintSettings, ProjectOverride, RuleSettingOf, RuleSettings, Vocabulary } from './config-schema.js';

export type PersonaDefinition = z.output<typeof personaSchema>;

/**
 * Everything lint() reads: the settings, each rule's severity and options, the score weights,
 * and where the rules are explained (each finding links there).
 */
export type LintConfig = LintSettings &
  Pick<CentricConfig, 'rules' | 'scoreWeights'> & { jira: Pick<CentricConfig['jira'], 'rulesDocUrl'> };

export type JiraSettings = CentricConfig['jira'];
export type NudgeSettings = CentricConfig['nudges'];
export type SlackSettings = CentricConfig['slack'];
export type DigestSettings = CentricConfig['digest'];

/** How the bot processes events and how long it keeps data; not per project. */
export type RuntimeSettings = Pick<CentricConfig, 'jira' | 'slack' | 'nudges' | 'digest' | 'inbox' | 'retention'>;

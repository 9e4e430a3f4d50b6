/** The customer journey: its stages, which one a story serves, and whether its metric is one of the stage's KPIs. */
import type { CompiledConfig } from '../compile.js';
import type { MetricPromise } from '../metric/promise.js';
import type { JourneyReport } from '../types.js';
import type { StageMatch } from './assign-stage.js';
import { isStageKpi } from './kpi.js';

export { assignStage, stageText, type StageMatch } from './assign-stage.js';
export { BUILT_IN_MIN_KEYWORDS, DEFAULT_JOURNEY_STAGES, DEFAULT_QUIET_PERIODS, JOURNEY_DOMAIN, type JourneyKeywords, type JourneyStageDefinition } from './default-journey.js';
export { journeySchema, type JourneySettings, type JourneyStageSettings } from './journey-schema.js';
export { isStageKpi } from './kpi.js';

/**
 * The report's journey: the stage, its KPIs, and whether the promised metric is one of them
 * (null: no metric promised, or a stage with no KPIs to compare it with).
 */
export function journeyReportOf(match: StageMatch | null, metric: MetricPromise | undefined, compiled: CompiledConfig): JourneyReport | null {
  if (!match) return null;
  const { stage } = match;
  const metricInStage = metric && stage.kpis.length > 0 ? isStageKpi(metric.name, stage, compiled) : null;
  return { stage: stage.name, kpis: [...stage.kpis], metricInStage };
}

import type { Store } from '../store/database.js';
import { averageScore } from '../store/reports.js';
import { linkedAccount } from '../store/user-links.js';
import { saveUserSettings, userSettingsOf, type SettingsChange } from '../store/user-settings.js';
import { browsable } from './access.js';
import { failingTicketsOf, type FailingTicket } from './failing-tickets.js';
import type { CentricConfig } from '../core/config-types.js';
import { questionsAskedOf } from './outcome-reviews.js';
import type { JiraPort, OutcomeQuestion } from './ports.js';

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** The working hours a person may choose in App Home; anything else sent as a choice is ignored. */
export const WORKING_HOURS_CHOICES = ['08:00-17:00', '09:00-18:00', '10:00-19:00', '07:00-15:00'];

export interface HomeDeps {
  store: Store;
  /** Each listed ticket is one the person's Jira account may still browse. */
  jira: Pick<JiraPort, 'userMay'>;
  clock: () => number;
  defaultWorkingHours: { start: string; end: string };
  /** Outcome review settings: App Home lists the questions waiting for the person's answer. */
  config?: Pick<CentricConfig, 'outcomes'>;
}

/** Average scores this week and last week. */
export interface ScoreTrend {
  thisWeek: number | null;
  lastWeek: number | null;
}

/** What App Home shows a person. */
export interface HomeData {
  linked: boolean;
  failing: FailingTicket[];
  mine: ScoreTrend;
  team: ScoreTrend;
  mutedUntil: number | null;
  workingHours: string;
  digestMention: boolean;
  /** Outcome questions waiting for this person's answer. */
  outcomes: OutcomeQuestion[];
}

async function trendOf(deps: HomeDeps, account: string | null): Promise<ScoreTrend> {
  const now = deps.clock();
  return { thisWeek: await averageScore(deps.store, now - WEEK, now + 1, account), lastWeek: await averageScore(deps.store, now - 2 * WEEK, now - WEEK, account) };
}

/** What App Home shows a person: their failing tickets, their score and the team's, their settings. */
export async function homeData(deps: HomeDeps, userId: string): Promise<HomeData> {
  const now = deps.clock();
  const account = await linkedAccount(deps.store, userId);
  const failing = account ? await browsable(deps, account, await failingTicketsOf(deps.store, account)) : [];
  const settings = await userSettingsOf(deps.store, userId);
  return {
    linked: account !== null,
    failing,
    mine: account ? await trendOf(deps, account) : { thisWeek: null, lastWeek: null },
    team: await trendOf(deps, null),
    mutedUntil: settings?.mutedUntil && settings.mutedUntil > now ? settings.mutedUntil : null,
    workingHours: settings?.workingHours ?? `${deps.defaultWorkingHours.start}-${deps.defaultWorkingHours.end}`,
    digestMention: settings?.digestMention === true,
    outcomes: deps.config ? await questionsAskedOf({ store: deps.store, config: deps.config }, userId) : [],
  };
}

/** Settings from App Home: mute a week, unmute, working hours, mentions in digests. */
export async function saveHomeSetting(deps: HomeDeps, userId: string, setting: SettingsChange): Promise<void> {
  await saveUserSettings(deps.store, userId, setting);
}

/** "Mute a week" (nudges.snoozeDays, in fact): no nudges for that many days. */
export async function muteFor(deps: HomeDeps, userId: string, days: number): Promise<void> {
  await saveHomeSetting(deps, userId, { mutedUntil: deps.clock() + days * DAY });
}

/** Working hours from the App Home select: only one of the choices it offers is kept. */
export async function chooseWorkingHours(deps: HomeDeps, userId: string, hours: string): Promise<boolean> {
  if (!WORKING_HOURS_CHOICES.includes(hours)) return false;
  await saveHomeSetting(deps, userId, { workingHours: hours });
  return true;
}

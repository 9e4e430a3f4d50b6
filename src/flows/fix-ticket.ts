import { checkIssue } from '../core/check-issue.js';
import type { CentricConfig } from '../core/config-types.js';
import { compile } from '../core/compile.js';
import { isLocale, type Locale } from '../core/i18n/locales.js';
import { languageFor } from '../core/i18n/project-language.js';
import { commentText } from '../core/i18n/messages/comment/index.js';
import { fixText } from '../core/i18n/messages/fix/index.js';
import { configForProject } from '../core/lint.js';
import { profileOf } from '../core/profiles.js';
import { rewriteAdfStory, rewriteWikiStory, safeDesignUrl, storySentence, successLine, type StoryFix } from '../core/story/rewrite-story.js';
import { projectOf } from '../core/ticket/project-of.js';
import type { RuleId } from '../core/types.js';
import { BROWSE_AND_EDIT, mayAct, type Denied } from './access.js';
import type { Actor } from './ports.js';
import { ticketChanged, type TicketChangedDeps } from './ticket-changed.js';

export type FixDeps = TicketChangedDeps;

/** The Slack user asking, as Slack names them. */
export interface Asker {
  userId: string;
  name: string;
}

/** The story form the modal writes: a user story ("As a …") or a job story ("When …"). */
export type FixForm = 'user' | 'job';

/** The story as the ticket tells it today, for the modal to open with. */
export interface FixPrefill {
  key: string;
  /** The form the modal asks for and writes (see formOf); a missing one is a user story. */
  form?: FixForm;
  /** The form of the ticket's story today, when it has one: the modal says when it changes it. */
  storyKind?: FixForm;
  role: string;
  /** The job story's situation ("I'm re-ordering supplies at the end of a night shift"); '' for a user story. */
  situation?: string;
  goal: string;
  benefit: string;
  metric: string;
  visualsUrl: string;
  /** The ticket already states a metric with a target, so the modal's metric is optional. */
  ticketHasMetric?: boolean;
  /** The language the story is written in, and Fix it writes it in: the modal's story labels speak it. */
  language?: Locale;
}

/** The modal's pre-fill, or why there is none: the ticket is gone, or the person may not edit it. */
export type PrefillResult = { kind: 'ready'; prefill: FixPrefill } | { kind: 'gone' } | Denied;

/**
 * What the modal opens with: the story as the ticket tells it today, shown only to someone whose
 * Jira account may edit the ticket (the modal shows its content, and its purpose is to change it).
 */
export async function fixPrefill(deps: Pick<FixDeps, 'jira' | 'config' | 'store'>, userId: string, key: string): Promise<PrefillResult> {
  const access = await mayAct(deps, userId, BROWSE_AND_EDIT, { issueKey: key });
  if (!access.ok) return access.denied;
  const prefill = await storyOf(deps, key);
  return prefill ? { kind: 'ready', prefill } : { kind: 'gone' };
}

async function storyOf(deps: Pick<FixDeps, 'jira' | 'config'>, key: string): Promise<FixPrefill | null> {
  const issue = await deps.jira.getIssue(key);
  if (!issue) return null;
  const { report, ticket } = checkIssue(issue, deps.config);
  // A link ends where wiki markup's "[Figma|https://…]" does: at "]" or "|".
  const links = JSON.stringify(issue.fields.description ?? '').match(/https?:\/\/[^"\s\\\]|]+(figma|miro|loom)[^"\s\\\]|]*/i);
  const ticketHasMetric = !(report.findings ?? []).some((f) => f.rule === 'customer-metric');
  const story = report.story;
  const form = formOf(deps.config, key, story?.kind ?? null);
  const prefill: FixPrefill = { key, form, role: story?.role ?? '', goal: story?.goal ?? '', benefit: story?.benefit ?? '', metric: '', visualsUrl: links?.[0] ?? '', ticketHasMetric };
  prefill.language = storyLanguage(deps.config, key, story?.language);
  // The parser lower-cases the role; German capitalises its nouns ("Als Stammkundin"), so the modal offers it as the ticket wrote it.
  if (prefill.language !== 'en' && prefill.role) prefill.role = asWritten(prefill.role, [ticket.summary, ...ticket.description.map((b) => b.text)]);
  if (story) prefill.storyKind = story.kind ?? 'user';
  if (form === 'job') prefill.situation = story?.situation ?? '';
  return prefill;
}

/** `lower` as the ticket spells it ("Stammkundin" for "stammkundin"), or as it is when the ticket does not spell it so. */
function asWritten(lower: string, texts: string[]): string {
  for (const text of texts) {
    const at = text.toLowerCase().indexOf(lower);
    // Only where lower-casing kept the length: the index is then the same in the original text.
    if (at >= 0 && text.toLowerCase().length === text.length) return text.slice(at, at + lower.length);
  }
  return lower;
}

/**
 * The language Fix it writes the story in: the story's own, so it reads back as that language and
 * the comment keeps its language; a ticket with no story yet gets its project's (English by default).
 */
export function storyLanguage(config: CentricConfig, key: string, language: string | null | undefined): Locale {
  return language && isLocale(language) ? language : languageFor(config, projectOf(key));
}

/**
 * The form Fix it writes: the ticket's own job story stays one where the project accepts job
 * stories, and a project that writes only job stories gets one; otherwise a user story. A job story
 * is never turned into a user story unless the project's story-format asks for that (and the modal says so).
 */
export function formOf(config: CentricConfig, key: string, kind: FixForm | null): FixForm {
  const { forms } = configForProject(config, projectOf(key)).rules['story-format'];
  if (!forms.includes('user')) return 'job';
  return kind === 'job' && forms.includes('job') ? 'job' : 'user';
}

/** Which modal field a rule's finding belongs to. */
const FIELD_OF: Partial<Record<RuleId, keyof StoryFix>> = {
  'story-format': 'goal',
  'customer-value': 'benefit',
  'specific-persona': 'role',
  'customer-metric': 'metric',
};

/**
 * Checks the modal as the rules would: the story and success line it would write are linted, and
 * each error or persona warning is shown at its field. Returns block id -> message, in `locale`
 * (the person's) when given; without it, the findings speak the ticket's language as lint picks it.
 */
export function validateFix(deps: Pick<FixDeps, 'config'>, key: string, fix: StoryFix, ticketHasMetric: boolean, locale?: Locale): Record<string, string> {
  const errors: Record<string, string> = {};
  const t = fixText(locale);
  const job = fix.situation !== undefined;
  // A job story's situation is asked for in the field a user story's persona is (block "role").
  if (job ? !fix.situation : !fix.role) errors.role = t(job ? 'when' : 'who');
  if (!fix.goal) errors.goal = t(job ? 'goalJob' : 'goalUser');
  if (!fix.benefit) errors.benefit = t(job ? 'benefitJob' : 'benefitUser');
  // Checked on the server too: only an https link is ever written into the ticket.
  if (fix.visualsUrl && !safeDesignUrl(fix.visualsUrl)) errors.visuals = t('visuals');
  if (errors.role || errors.goal || errors.benefit) return errors;
  // The success line as Fix it will write it: what is checked is what gets written.
  const description = [storySentence(fix), fix.metric ? successLine(fix.metric, fix.language) : ''].join('\n\n');
  // The story is checked as a story: a type a profile lints ("Epic" listed first) would check it as an epic.
  const project = configForProject(deps.config, projectOf(key));
  const issueType = project.issueTypes.find((type) => profileOf(type, project) === null) ?? 'Story';
  const { report } = checkIssue({ key, fields: { summary: '', description, issuetype: { name: issueType } } }, deps.config, locale ? { locale } : {});
  for (const f of report.findings ?? []) {
    const field = FIELD_OF[f.rule];
    if (!field) continue;
    // The sentence the modal writes parsed, and story-format still fails: it is of a form the project does not write, which the modal chose (see formOf), not the person.
    if (f.rule === 'story-format' && report.story) continue;
    if (f.rule === 'customer-metric' && !fix.metric && ticketHasMetric) continue;
    if (f.severity === 'error' || f.rule === 'specific-persona' || f.rule === 'customer-metric') errors[field === 'visualsUrl' ? 'visuals' : field] ??= `${f.message} ${f.hint}`;
  }
  return errors;
}

/** How Fix it went, for the person who asked: the new score, that the ticket is gone, or that they may not. */
export type FixOutcome = { key: string; status: 'updated'; score: number | null } | { key: string; status: 'gone' } | { key: string; status: 'denied'; denied: Denied };

/** A change made from Slack on someone's behalf. */
export type ActorChange = 'storyUpdated' | 'notAStory';

/** Who asked, for the trace every write on someone's behalf leaves in Jira, in the comment's language. */
export const actorNote = (change: ActorChange, actor: Actor, locale: Locale = 'en'): string =>
  commentText(locale)(change === 'storyUpdated' ? 'note.storyUpdated' : 'note.notAStory', { name: actor.slackName, slackUser: actor.slackUserId, jiraAccount: actor.jiraAccountId });

/**
 * Writes the fixed story into the description, then runs "ticket changed" on it (comment, label,
 * DMs). Checked again at submission: a permission may have gone since the modal opened.
 */
export async function applyFix(deps: FixDeps, key: string, fix: StoryFix, asker: Asker): Promise<FixOutcome> {
  const access = await mayAct(deps, asker.userId, BROWSE_AND_EDIT, { issueKey: key });
  if (!access.ok) return { key, status: 'denied', denied: access.denied };
  const actor: Actor = { slackUserId: asker.userId, slackName: asker.name, jiraAccountId: access.account };
  const issue = await deps.jira.getIssue(key);
  if (!issue) return { key, status: 'gone' };
  const compiled = compile(configForProject(deps.config, projectOf(key)));
  // No language in the modal means English: what the modal showed and what validateFix checked
  // (an English ticket's modal, or one opened before modals carried the story's language).
  // Reading it from the ticket now could write English words into a German sentence.
  const edit = { ...fix, language: fix.language ?? 'en' };
  const description = deps.jira.cloud ? rewriteAdfStory(issue.fields.description, edit, compiled) : rewriteWikiStory(issue.fields.description as string | null, edit, compiled);
  await deps.jira.updateDescription(key, description, actor);
  // Checked as written: fetching the issue again would only cost the person another round trip.
  const written = { ...issue, fields: { ...issue.fields, description } };
  const outcome = await ticketChanged(deps, { issue: written }, { nudges: 'clear', note: (locale) => actorNote('storyUpdated', actor, locale) });
  deps.logger.info({ ticket: key, slackUser: asker.userId, jiraAccount: access.account, score: outcome.report?.score }, 'story fixed from Slack');
  return { key, status: 'updated', score: outcome.report?.score ?? null };
}

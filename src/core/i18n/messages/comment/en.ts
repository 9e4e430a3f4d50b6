import type { Catalog } from '../../translate.js';

/**
 * Centric's comments on a Jira ticket: the sticky comment over its findings (jira-comment.ts),
 * the outcome written back from Slack (outcome-comment.ts), and the terminal's text report of
 * `centric lint` and `centric audit` (text.ts). Plain text: the renderer escapes it for ADF or
 * wiki markup.
 */
export const en = {
  'title.allPass': 'Centric: {score}/100, every check passes',
  'title.passes': 'Centric: {score}/100, passes, {count, plural, one {# suggestion} other {# suggestions}}',
  'title.fails': 'Centric: {score}/100, {count, plural, one {# check} other {# checks}} to fix',
  pass: 'This ticket says who it is for, what they want, why, how we will know it worked and what they will see. Thank you.',
  fix: 'Fix: {hint}',
  footer: 'Centric updates this comment when the ticket changes. Not a user story? Add the label {label} and Centric leaves it alone.',

  /** The journey line; {detail} is the stage, or the stage with the question below. */
  journey: 'Journey stage: {detail}',
  'journey.outside': '{stage} (KPIs: {kpis}). The metric "{metric}" is not one of them: does this story move one of them?',

  'epic.customer': 'customer "{persona}"',
  'epic.metric': 'metric "{metric}"',
  'epic.prfaqInDescription': 'PR/FAQ in the description',
  'epic.prfaq': 'PR/FAQ {link}',

  'outcome.label': 'Outcome: ',
  'outcome.note': 'Note: ',
  'outcome.hit': 'target hit',
  'outcome.missed': 'missed',
  'outcome.notMeasured': 'not measured',
  'outcome.measured': '{answer} — {metric} {measured}',
  'outcome.promised': '{answer} — promised {promise}',
  'outcome.byWhom': '(reported by {name} from Slack, {date})',

  /** The trace of a change made from Slack on someone's behalf: in the sticky comment, or a comment of its own. */
  'note.storyUpdated': 'Story updated from Slack by {name} (Slack user {slackUser}, Jira account {jiraAccount}).',
  'note.notAStory': 'Marked as not a story from Slack by {name} (Slack user {slackUser}, Jira account {jiraAccount}).',

  'text.skipped': 'skipped (issue type not linted)',
  'text.passes': 'passes',
  'text.fails': 'fails',
  'text.story': 'story',
  'text.journey': 'journey',
  'text.epic': 'epic',
  'text.error': 'error',
  'text.warn': 'warn',
  'text.noScore': 'no score',
  'text.averageScore': 'average score {score}',
  'text.summary': '{tickets, plural, one {# ticket} other {# tickets}}: {linted, number} linted, {skipped, number} skipped, {passing, number} passing, {average}',
  /** Who answered an outcome question, when Slack gave no name: "reported by someone". */
  'outcome.someone': 'someone',
} as const satisfies Catalog;

/**
 * The ids Slack sends back when someone clicks, submits or types a command: the views set them,
 * the listeners match them, so both read them from here. Messages already sent carry them for as
 * long as Slack keeps the message: a value, once shipped, never changes.
 */

/** `action_id` of each button and select. */
export const ACTION = {
  openInJira: 'open_in_jira',
  fixTicket: 'fix_ticket',
  snoozeTicket: 'snooze_ticket',
  notAStory: 'not_a_story',
  homeMute: 'home_mute',
  homeUnmute: 'home_unmute',
  homeWorkingHours: 'home_working_hours',
  homeDigestMentionOn: 'home_digest_mention_on',
  homeDigestMentionOff: 'home_digest_mention_off',
  outcomeHit: 'outcome_hit',
  outcomeMissed: 'outcome_missed',
  outcomeTooEarly: 'outcome_too_early',
  outcomeNotMeasured: 'outcome_not_measured',
} as const;

/** `callback_id` of each modal that is submitted. */
export const VIEW = {
  fixTicket: 'fix_ticket_modal',
  outcome: 'outcome_modal',
} as const;

/** The slash command, as declared in manifest.yml. */
export const COMMAND = '/centric';

/**
 * `block_id` of each Fix-it input. The flow's validation (flows/fix-ticket) answers with errors
 * keyed by the same names, and Slack shows each error under the input whose block id it names.
 */
export const FIX_INPUT = { role: 'role', goal: 'goal', benefit: 'benefit', metric: 'metric', visuals: 'visuals' } as const;

/** `action_id` of the element inside each Fix-it input: a submission's state is read by it. */
export const FIX_INPUT_ACTION = 'value';

/** `block_id` of a nudge's row of buttons: one per ticket, so each is unique in the message. */
export const nudgeBlockId = (key: string): string => `nudge:${key}`;

/** `block_id` of each input of the outcome modal (its element's action_id is FIX_INPUT_ACTION too). */
export const OUTCOME_INPUT = { measured: 'measured', note: 'note' } as const;

/** `block_id` of an outcome question's row of buttons: one per review, so App Home can list several. */
export const outcomeBlockId = (reviewId: number): string => `outcome:${reviewId}`;

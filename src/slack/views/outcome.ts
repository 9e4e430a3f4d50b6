import { Blocks, Elements, Md, Message, Modal } from 'slack-block-builder';
import { ANSWER_TEXT, MAX_MEASURED_CHARS, MAX_NOTE_CHARS, type OutcomeAnswer } from '../../core/outcome/outcome.js';
import { promiseText } from '../../core/outcome/promise-text.js';
import type { OutcomeQuestion } from '../../flows/ports.js';
import { ACTION, FIX_INPUT_ACTION, OUTCOME_INPUT, outcomeBlockId, VIEW } from '../ids.js';
import { cut, fit, type Block, type SlackMessage, type SlackView } from './limits.js';
import { escapeMrkdwn, mention, ticketLink } from './mrkdwn.js';

const TITLE_CHARS = 24;

/** A date each reader sees in their own timezone; the fallback (UTC) where Slack cannot format it. */
const slackDate = (at: number): string => `<!date^${Math.floor(at / 1000)}^{date_short}|${new Date(at).toISOString().slice(0, 10)}>`;

const ICON: Record<OutcomeAnswer, string> = { hit: ':white_check_mark:', missed: ':x:', 'not-measured': ':grey_question:' };

/** "*checkout conversion from 2.1% to 2.6% within 6 weeks*", escaped. */
const promised = (q: OutcomeQuestion): string => Md.bold(escapeMrkdwn(promiseText(q.promise)).replace(/\*/g, '∗'));

/** The buttons that answer a question: on the DM, and on App Home. */
export function outcomeButtons(q: OutcomeQuestion) {
  const value = String(q.reviewId);
  return Blocks.Actions({ blockId: outcomeBlockId(q.reviewId) }).elements(
    Elements.Button({ text: 'Target hit', actionId: ACTION.outcomeHit, value }).primary(),
    Elements.Button({ text: 'Missed', actionId: ACTION.outcomeMissed, value }),
    q.offerTooEarly ? Elements.Button({ text: 'Too early', actionId: ACTION.outcomeTooEarly, value }) : undefined,
    Elements.Button({ text: 'Not measured', actionId: ACTION.outcomeNotMeasured, value }),
  );
}

/** The question: "SHOP-12 shipped on 3 Nov promising *…*. Did it happen?". */
export function questionLine(q: OutcomeQuestion, browse: (key: string) => string): string {
  return `${ticketLink(browse(q.key), q.key)} shipped on ${slackDate(q.shippedAt)} promising ${promised(q)}. Did it happen?`;
}

/** How the question stands once it is no longer open. */
function settledLine(q: OutcomeQuestion, browse: (key: string) => string): string {
  const link = ticketLink(browse(q.key), q.key);
  const s = q.state;
  if (s.kind === 'answered') {
    const value = s.measured ? ` — ${escapeMrkdwn(q.promise.name)} ${escapeMrkdwn(s.measured)}` : '';
    const note = s.note ? `\n${Md.italic(escapeMrkdwn(s.note).replace(/_/g, '＿'))}` : '';
    return `${ICON[s.answer]} ${link}: ${ANSWER_TEXT[s.answer]}${value} (answered by ${mention(s.by) ?? 'someone'} on ${slackDate(s.at)}). Thank you: it is on the ticket.${note}`;
  }
  if (s.kind === 'later') return `:hourglass_flowing_sand: ${link}: too early to tell. Centric asks again on ${slackDate(s.until)}.`;
  if (s.kind === 'cancelled') return `:leftwards_arrow_with_hook: ${link} was reopened: no answer needed. Centric asks again once it ships.`;
  return questionLine(q, browse);
}

/** The outcome DM (or channel message): the question with its buttons, or how it was settled. */
export function outcomeMessage(q: OutcomeQuestion, browse: (key: string) => string): SlackMessage {
  const open = q.state.kind === 'open';
  const text = open ? `${escapeMrkdwn(q.key)} shipped promising ${escapeMrkdwn(promiseText(q.promise))}. Did it happen?` : `${escapeMrkdwn(q.key)}: outcome recorded`;
  const message = Message({ text }).blocks(
    Blocks.Section({ text: open ? `:dart: ${questionLine(q, browse)}` : settledLine(q, browse) }),
    Blocks.Context().elements(escapeMrkdwn(cut(q.summary, 300))),
    open ? outcomeButtons(q) : undefined,
  );
  return fit(message.buildToObject() as SlackMessage, 'message');
}

/** The reminder, in the question's thread: the buttons stay on the question. */
export function outcomeReminder(q: OutcomeQuestion): SlackMessage {
  const text = `Reminder: did ${promiseText(q.promise)} happen for ${q.key}? The buttons are on the message above.`;
  return Message({ text: escapeMrkdwn(text) }).blocks(Blocks.Section({ text: `:bell: Reminder: did ${promised(q)} happen? The buttons are on the message above.` })).buildToObject() as SlackMessage;
}

/** What the modal carries to its submission. */
export interface OutcomeMetadata {
  reviewId: number;
  answer: 'hit' | 'missed';
  /** Opened from App Home: it is published again once answered. */
  fromHome?: boolean;
}

export function outcomeMetadata(view: { private_metadata?: string }): OutcomeMetadata | null {
  try {
    const parsed = JSON.parse(view.private_metadata ?? '') as Partial<OutcomeMetadata>;
    if (typeof parsed.reviewId !== 'number' || (parsed.answer !== 'hit' && parsed.answer !== 'missed')) return null;
    return { reviewId: parsed.reviewId, answer: parsed.answer, ...(parsed.fromHome === true ? { fromHome: true } : {}) };
  } catch {
    return null;
  }
}

/** Target hit / Missed: the measured value (optional) and a one-line note. */
export function outcomeModal(q: OutcomeQuestion, answer: 'hit' | 'missed', fromHome = false): SlackView {
  const metadata: OutcomeMetadata = { reviewId: q.reviewId, answer, ...(fromHome ? { fromHome } : {}) };
  return fit(
    Modal({ title: cut(`Outcome of ${q.key}`, TITLE_CHARS), callbackId: VIEW.outcome, privateMetaData: JSON.stringify(metadata), submit: answer === 'hit' ? 'Target hit' : 'Missed', close: 'Cancel' })
      .blocks(
        Blocks.Section({ text: `${ANSWER_TEXT[answer] === 'missed' ? ':x: Missed' : ':white_check_mark: Target hit'}: ${promised(q)}` }),
        Blocks.Input({ label: 'Measured value', blockId: OUTCOME_INPUT.measured, hint: 'What the metric is now, e.g. 2.7%' })
          .element(Elements.TextInput({ actionId: FIX_INPUT_ACTION, placeholder: 'e.g. 2.7%', maxLength: MAX_MEASURED_CHARS }))
          .optional(true),
        Blocks.Input({ label: 'Note', blockId: OUTCOME_INPUT.note, hint: 'One line for the ticket: what you learned' })
          .element(Elements.TextInput({ actionId: FIX_INPUT_ACTION, maxLength: MAX_NOTE_CHARS }))
          .optional(true),
      )
      .buildToObject() as { blocks: Block[] },
    'view',
  );
}

/** A modal that only says something (the question was answered meanwhile, or the person may not). */
export function outcomeNoticeModal(key: string, text: string): SlackView {
  return Modal({ title: cut(`Outcome of ${key}`, TITLE_CHARS), close: 'Close' }).blocks(Blocks.Section({ text })).buildToObject();
}

type SubmittedState = Record<string, Record<string, { value?: string | null }>>;

export function outcomeValues(state: SubmittedState): { measured: string; note: string } {
  const get = (block: string) => state[block]?.[FIX_INPUT_ACTION]?.value ?? '';
  return { measured: get(OUTCOME_INPUT.measured), note: get(OUTCOME_INPUT.note) };
}

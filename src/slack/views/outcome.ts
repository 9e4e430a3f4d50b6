import { Blocks, Elements, Md, Message, Modal } from 'slack-block-builder';
import type { Locale } from '../../core/i18n/locales.js';
import { MAX_MEASURED_CHARS, MAX_NOTE_CHARS, type OutcomeAnswer } from '../../core/outcome/outcome.js';
import { promiseText } from '../../core/outcome/promise-text.js';
import type { OutcomeQuestion } from '../../flows/ports.js';
import { ACTION, FIX_INPUT_ACTION, OUTCOME_INPUT, outcomeBlockId, VIEW } from '../ids.js';
import { slackText } from './i18n.js';
import { cut, fit, type Block, type SlackMessage, type SlackView } from './limits.js';
import { escapeMrkdwn, mention, ticketLink } from './mrkdwn.js';

const TITLE_CHARS = 24;

/** A date each reader sees in their own timezone; the fallback (UTC) where Slack cannot format it. */
const slackDate = (at: number): string => `<!date^${Math.floor(at / 1000)}^{date_short}|${new Date(at).toISOString().slice(0, 10)}>`;

const ICON: Record<OutcomeAnswer, string> = { hit: ':white_check_mark:', missed: ':x:', 'not-measured': ':grey_question:' };

/** "*checkout conversion from 2.1% to 2.6% within 6 weeks*", escaped. */
const promised = (q: OutcomeQuestion, locale: Locale): string => Md.bold(escapeMrkdwn(promiseText(q.promise, locale)).replace(/\*/g, '∗'));

/** The buttons that answer a question: on the DM, and on App Home. */
export function outcomeButtons(q: OutcomeQuestion, locale: Locale = 'en') {
  const t = slackText(locale);
  const value = String(q.reviewId);
  return Blocks.Actions({ blockId: outcomeBlockId(q.reviewId) }).elements(
    Elements.Button({ text: t('outcome.hit'), actionId: ACTION.outcomeHit, value }).primary(),
    Elements.Button({ text: t('outcome.missed'), actionId: ACTION.outcomeMissed, value }),
    q.offerTooEarly ? Elements.Button({ text: t('outcome.tooEarly'), actionId: ACTION.outcomeTooEarly, value }) : undefined,
    Elements.Button({ text: t('outcome.notMeasured'), actionId: ACTION.outcomeNotMeasured, value }),
  );
}

/** The question: "SHOP-12 shipped on 3 Nov promising *…*. Did it happen?". */
export function questionLine(q: OutcomeQuestion, browse: (key: string) => string, locale: Locale = 'en'): string {
  return slackText(locale)('outcome.question', { link: ticketLink(browse(q.key), q.key), date: slackDate(q.shippedAt), promise: promised(q, locale) });
}

/** How the question stands once it is no longer open. */
function settledLine(q: OutcomeQuestion, browse: (key: string) => string, locale: Locale): string {
  const t = slackText(locale);
  const link = ticketLink(browse(q.key), q.key);
  const s = q.state;
  if (s.kind === 'answered') {
    const value = s.measured ? ` — ${escapeMrkdwn(q.promise.name)} ${escapeMrkdwn(s.measured)}` : '';
    const note = s.note ? `\n${Md.italic(escapeMrkdwn(s.note).replace(/_/g, '＿'))}` : '';
    return `${t('outcome.answered', { icon: ICON[s.answer], link, answer: s.answer, value, who: mention(s.by) ?? t('someone'), date: slackDate(s.at) })}${note}`;
  }
  if (s.kind === 'later') return t('outcome.later', { link, date: slackDate(s.until) });
  if (s.kind === 'cancelled') return t('outcome.cancelled', { link });
  return questionLine(q, browse, locale);
}

/** The outcome DM (or channel message), in its reader's language: the question with its buttons, or how it was settled. */
export function outcomeMessage(q: OutcomeQuestion, browse: (key: string) => string, locale: Locale = 'en'): SlackMessage {
  const t = slackText(locale);
  const open = q.state.kind === 'open';
  const key = escapeMrkdwn(q.key);
  const text = open ? t('outcome.fallbackOpen', { key, promise: escapeMrkdwn(promiseText(q.promise, locale)) }) : t('outcome.fallbackSettled', { key });
  const message = Message({ text }).blocks(
    Blocks.Section({ text: open ? `:dart: ${questionLine(q, browse, locale)}` : settledLine(q, browse, locale) }),
    Blocks.Context().elements(escapeMrkdwn(cut(q.summary, 300))),
    open ? outcomeButtons(q, locale) : undefined,
  );
  return fit(message.buildToObject() as SlackMessage, 'message', undefined, locale);
}

/** The reminder, in the question's thread: the buttons stay on the question. */
export function outcomeReminder(q: OutcomeQuestion, locale: Locale = 'en'): SlackMessage {
  const t = slackText(locale);
  const text = t('outcome.reminderText', { promise: escapeMrkdwn(promiseText(q.promise, locale)), key: escapeMrkdwn(q.key) });
  return Message({ text }).blocks(Blocks.Section({ text: t('outcome.reminder', { promise: promised(q, locale) }) })).buildToObject() as SlackMessage;
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
export function outcomeModal(q: OutcomeQuestion, answer: 'hit' | 'missed', fromHome = false, locale: Locale = 'en'): SlackView {
  const t = slackText(locale);
  const metadata: OutcomeMetadata = { reviewId: q.reviewId, answer, ...(fromHome ? { fromHome } : {}) };
  return fit(
    Modal({ title: cut(t('outcome.title', { key: q.key }), TITLE_CHARS), callbackId: VIEW.outcome, privateMetaData: JSON.stringify(metadata), submit: answer === 'hit' ? t('outcome.hit') : t('outcome.missed'), close: t('cancel') })
      .blocks(
        Blocks.Section({ text: t(answer === 'missed' ? 'outcome.modalMissed' : 'outcome.modalHit', { promise: promised(q, locale) }) }),
        Blocks.Input({ label: t('outcome.measuredLabel'), blockId: OUTCOME_INPUT.measured, hint: t('outcome.measuredHint') })
          .element(Elements.TextInput({ actionId: FIX_INPUT_ACTION, placeholder: t('outcome.measuredPlaceholder'), maxLength: MAX_MEASURED_CHARS }))
          .optional(true),
        Blocks.Input({ label: t('outcome.noteLabel'), blockId: OUTCOME_INPUT.note, hint: t('outcome.noteHint') })
          .element(Elements.TextInput({ actionId: FIX_INPUT_ACTION, maxLength: MAX_NOTE_CHARS }))
          .optional(true),
      )
      .buildToObject() as { blocks: Block[] },
    'view',
    undefined,
    locale,
  );
}

/** A modal that only says something (the question was answered meanwhile, or the person may not). */
export function outcomeNoticeModal(key: string, text: string, locale: Locale = 'en'): SlackView {
  const t = slackText(locale);
  return Modal({ title: cut(t('outcome.title', { key }), TITLE_CHARS), close: t('close') }).blocks(Blocks.Section({ text })).buildToObject();
}

type SubmittedState = Record<string, Record<string, { value?: string | null }>>;

export function outcomeValues(state: SubmittedState): { measured: string; note: string } {
  const get = (block: string) => state[block]?.[FIX_INPUT_ACTION]?.value ?? '';
  return { measured: get(OUTCOME_INPUT.measured), note: get(OUTCOME_INPUT.note) };
}

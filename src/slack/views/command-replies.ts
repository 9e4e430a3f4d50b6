import { Blocks, Md, Message } from 'slack-block-builder';
import { QUESTIONS } from '../../core/digest.js';
import type { Locale } from '../../core/i18n/locales.js';
import { promiseText } from '../../core/outcome/promise-text.js';
import type { ReviewDetail, Tally } from '../../core/outcome/stats.js';
import type { Scope } from '../../core/slash-command.js';
import type { CommandResult } from '../../flows/slash-commands.js';
import { digestMessage, digestQuestions, scopeMrkdwn } from './digest.js';
import { helpMessage } from './help.js';
import { dayText, percentText, slackText, weekdayName, type SlackText } from './i18n.js';
import { cut, fit, type SlackMessage } from './limits.js';
import { lineMessage } from './line.js';
import { deniedLine } from './denied.js';
import { linkLine } from './link.js';
import { escapeMrkdwn, ticketLink } from './mrkdwn.js';
import { mineMessage } from './mine.js';
import { rankMessage } from './rank.js';
import { reportMessage } from './report.js';
import { templateMessage } from './template.js';

/** JQL is the user's text: escaped, so it can mention nobody and link nowhere. */
const describeScope = (s: Scope, t: SlackText) => (s.type === 'project' ? s.value : t('cmd.jql', { jql: scopeMrkdwn(s.value) }));

const when = (weekday: number, time: string, timezone: string, locale: Locale) => slackText(locale)('cmd.when', { weekday: weekdayName(weekday, locale), time, timezone });

/** The one-line answers, worded here in the person's language. */
function line(result: CommandResult, locale: Locale): string {
  const t = slackText(locale);
  switch (result.kind) {
    case 'not-found':
      return t('cmd.notFound', { key: result.key });
    case 'not-checked':
      return result.issueType ? t('cmd.notChecked', { key: result.key, type: result.issueType, checked: result.checked.join(', ') }) : t('cmd.notCheckedTicket', { key: result.key, checked: result.checked.join(', ') });
    case 'not-linked':
    case 'forbidden':
      return deniedLine(result, locale);
    case 'linked':
    case 'link-code':
    case 'link-refused':
    case 'unlinked':
      return linkLine(result, locale);
    case 'rate-limited':
      return t('cmd.rateLimited', { seconds: result.retryInSeconds });
    case 'no-subscription':
      return t('cmd.noSubscription');
    case 'refused': {
      const channel = `<#${result.channel}>`;
      switch (result.reason) {
        case 'admins-only':
          return t('cmd.adminsOnly');
        case 'jql-admins-only':
          return t('cmd.jqlAdminsOnly');
        case 'not-a-member':
          return t('cmd.notAMember', { channel });
        case 'other-channel':
          return t('cmd.otherChannel', { channel });
      }
    }
    // eslint-disable-next-line no-fallthrough
    case 'subscribed':
      return t('cmd.subscribed', {
        updated: result.updated ? 'yes' : 'no',
        channel: `<#${result.channel}>`,
        scope: describeScope(result.scope, t),
        when: when(result.schedule.weekday, result.schedule.time, result.timezone, locale),
      });
    case 'unsubscribed': {
      const channel = `<#${result.channel}>`;
      if (result.removed === 0) return result.scope ? t('cmd.notSubscribedTo', { channel, scope: describeScope(result.scope, t) }) : t('cmd.notSubscribed', { channel });
      return t('cmd.unsubscribed', { channel, count: result.removed });
    }
    case 'subscriptions': {
      const channel = `<#${result.channel}>`;
      if (result.subscriptions.length === 0) return t('cmd.noSubscriptions', { channel });
      const lines = result.subscriptions.map((r) => `• ${describeScope({ type: r.scope_type as 'project', value: r.scope }, t)}, ${when(r.weekday, r.time, r.timezone, locale)}`);
      return `${t('cmd.subscriptions', { channel })}\n${lines.join('\n')}`;
    }
    case 'muted':
      return result.days === null ? t('cmd.unmuted') : t('cmd.muted', { days: result.days });
    default:
      throw new Error(`no line for /centric result ${result.kind}`);
  }
}

/** Each group of /centric outcomes lists at most this many reviews: it must read at a glance. */
const OUTCOMES_PER_GROUP = 10;
/** A summary in that list is cut to this many characters (before escaping). */
const SUMMARY_CHARS = 80;

/** "67% (2 hit, 1 missed; 1 not measured)"; "not measured" is left out of the rate. */
function hitRateText(tally: Tally, locale: Locale): string {
  const t = slackText(locale);
  const values = { rate: tally.hitRate === null ? '–' : percentText(tally.hitRate, locale), hit: tally.hit, missed: tally.missed };
  return tally.notMeasured > 0 ? t('outcomes.tallyNotMeasured', { ...values, notMeasured: tally.notMeasured }) : t('outcomes.tally', values);
}

/** One review as a line of mrkdwn: every text from Jira or a person escaped. */
function outcomeLine(r: ReviewDetail, browse: (key: string) => string, locale: Locale): string {
  const t = slackText(locale);
  const day = (at: number) => dayText(at, locale);
  const promise = r.promise ? ` · ${escapeMrkdwn(promiseText(r.promise, locale))}` : '';
  const head = `• ${ticketLink(browse(r.key), r.key)} ${escapeMrkdwn(cut(r.summary, SUMMARY_CHARS))}${promise}`;
  if (r.outcome) {
    const who = [r.answeredBy ? escapeMrkdwn(r.answeredBy) : null, r.answeredAt === null ? null : day(r.answeredAt)].filter(Boolean).join(', ');
    const details = [Md.bold(t('answer', { answer: r.outcome })), r.measured ? t('outcomes.measured', { value: escapeMrkdwn(r.measured) }) : '', r.note ? t('quote', { text: escapeMrkdwn(r.note) }) : '', who];
    return `${head}\n    ${details.filter(Boolean).join(' · ')}`;
  }
  if (r.remindedAt !== null) {
    const reminded = day(r.remindedAt);
    return `${head}\n    ${r.askedAt === null ? t('outcomes.remindedOnly', { reminded }) : t('outcomes.reminded', { asked: day(r.askedAt), reminded })}`;
  }
  return `${head}\n    ${r.askedAt === null ? t('outcomes.due', { date: day(r.dueAt) }) : t('outcomes.waiting', { date: day(r.askedAt) })}`;
}

/** `/centric outcomes SHOP`: overdue, pending and recent answers, each group short. */
function outcomesMessage(result: Extract<CommandResult, { kind: 'outcomes' }>, browse: (key: string) => string, locale: Locale): SlackMessage {
  const t = slackText(locale);
  const { listing: l, project, days } = result;
  if (l.overdue.length + l.pending.length + l.answered.length === 0) return lineMessage(t('outcomes.empty', { project, days }), locale);
  const group = (title: string, rows: ReviewDetail[]) => {
    if (rows.length === 0) return undefined;
    const lines = rows.slice(0, OUTCOMES_PER_GROUP).map((r) => outcomeLine(r, browse, locale));
    if (rows.length > OUTCOMES_PER_GROUP) lines.push(t('outcomes.more', { count: rows.length - OUTCOMES_PER_GROUP, project }));
    return Blocks.Section({ text: `${Md.bold(`${title} (${rows.length})`)}\n${lines.join('\n')}` });
  };
  const rate = l.tally.hit + l.tally.missed + l.tally.notMeasured === 0 ? t('outcomes.rateNone', { days }) : t('outcomes.rateOver', { rate: hitRateText(l.tally, locale), days });
  const text = t('outcomes.fallback', { project, rate, overdue: l.overdue.length, pending: l.pending.length, answered: l.answered.length });
  const built = Message({ text })
    .ephemeral()
    .blocks(
      Blocks.Header({ text: t('outcomes.header', { project }) }),
      Blocks.Section({ text: `${Md.bold(t('outcomes.hitRate'))} ${rate}` }),
      group(t('outcomes.overdue'), l.overdue),
      group(t('outcomes.pending'), l.pending),
      group(t('outcomes.answered'), l.answered),
    )
    .buildToObject() as SlackMessage;
  return fit(built, 'message', undefined, locale);
}

/** A /centric command's ephemeral answer. */
/** A /centric command's ephemeral answer, in the language of the person who typed it. */
export function commandReply(result: CommandResult, browse: (key: string) => string, locale: Locale = 'en'): SlackMessage {
  switch (result.kind) {
    case 'help':
      return helpMessage(locale);
    case 'template':
      return templateMessage(result.persona, result.asked, locale);
    case 'report':
      return reportMessage(result.report, result.summary, browse(result.report.key), locale);
    case 'mine':
      return mineMessage(result.tickets, browse, locale);
    case 'digest':
      // A preview for the person who asked: their language, not the channel's.
      return { ...digestMessage({ ...result.post, browse, questions: digestQuestions(QUESTIONS, locale), locale }), response_type: 'ephemeral' };
    case 'outcomes':
      return outcomesMessage(result, browse, locale);
    case 'rank':
      return rankMessage(result, browse, locale);
    default:
      return lineMessage(line(result, locale), locale);
  }
}

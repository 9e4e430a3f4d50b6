import { Bits, Blocks, Elements, HomeTab, Md } from 'slack-block-builder';
import type { Locale } from '../../core/i18n/locales.js';
import { WORKING_HOURS_CHOICES, type HomeData, type ScoreTrend } from '../../flows/app-home.js';
import { ACTION } from '../ids.js';
import { slackText, type SlackText } from './i18n.js';
import { fit, type Block, type SlackView } from './limits.js';
import { escapeMrkdwn, ticketLink } from './mrkdwn.js';
import { outcomeButtons, questionLine } from './outcome.js';

/** This week's score against last week's, as the reader's language says it. */
function trend(score: ScoreTrend, t: SlackText): string {
  if (score.thisWeek === null) return t('home.noTrend');
  if (score.lastWeek === null) return t('home.trend', { score: score.thisWeek });
  const change = score.thisWeek - score.lastWeek;
  return t('home.trendChange', { score: score.thisWeek, change: change > 0 ? `▲ ${change}` : change < 0 ? `▼ ${-change}` : '=', last: score.lastWeek });
}

/** My failing tickets with a Fix it button each, or why there are none. */
function ticketBlocks(data: HomeData, browse: (key: string) => string, t: SlackText) {
  if (!data.linked) return [Blocks.Section({ text: t('home.notLinked') })];
  if (data.failing.length === 0) return [Blocks.Section({ text: t('home.noneFailing') })];
  return data.failing.map((r) =>
    Blocks.Section({ text: `${ticketLink(browse(r.key), r.key)} · ${r.score ?? '–'}/100\n${escapeMrkdwn(r.summary)}` }).accessory(Elements.Button({ text: t('fixIt'), actionId: ACTION.fixTicket, value: r.key })),
  );
}

/** Shipped stories waiting for the person to say whether their customer metric moved, with the DM's buttons. */
function outcomeBlocks(data: HomeData, browse: (key: string) => string, locale: Locale) {
  if (data.outcomes.length === 0) return [];
  return [
    Blocks.Header({ text: slackText(locale)('home.outcomes', { count: data.outcomes.length }) }),
    ...data.outcomes.slice(0, 10).flatMap((q) => [Blocks.Section({ text: questionLine(q, browse, locale) }), outcomeButtons(q, locale)]),
    Blocks.Divider(),
  ];
}

const hoursOption = (h: string) => Bits.Option({ text: h.replace('-', '–'), value: h });

/** "between 09:00 and 17:00": the two ends of the working hours, or the setting as it is when it has no dash. */
function hoursLine(hours: string, t: SlackText): string {
  const dash = hours.indexOf('-');
  return dash < 0 ? t('home.hoursRaw', { hours }) : t('home.hours', { from: hours.slice(0, dash), to: hours.slice(dash + 1) });
}

/** Mute, working hours and mentions in digests, each with the control that changes it. */
function settingBlocks(data: HomeData, formatDate: (ms: number) => string, t: SlackText) {
  const muted = Blocks.Section({ text: data.mutedUntil ? t('home.mutedUntil', { date: formatDate(data.mutedUntil) }) : t('home.notMuted') }).accessory(
    data.mutedUntil ? Elements.Button({ text: t('home.unmute'), actionId: ACTION.homeUnmute }) : Elements.Button({ text: t('home.mute'), actionId: ACTION.homeMute }),
  );
  const hours = Blocks.Section({ text: hoursLine(data.workingHours, t) }).accessory(
    Elements.StaticSelect({ actionId: ACTION.homeWorkingHours, placeholder: t('home.hoursPlaceholder') })
      .options(WORKING_HOURS_CHOICES.map(hoursOption))
      .initialOption(WORKING_HOURS_CHOICES.includes(data.workingHours) ? hoursOption(data.workingHours) : undefined),
  );
  const mention = Blocks.Section({ text: data.digestMention ? t('home.mentioned') : t('home.notMentioned') }).accessory(
    data.digestMention ? Elements.Button({ text: t('home.stopMentioning'), actionId: ACTION.homeDigestMentionOff }) : Elements.Button({ text: t('home.mentionMe'), actionId: ACTION.homeDigestMentionOn }),
  );
  return [muted, hours, mention];
}

/** App Home: my failing tickets worst first, my score and the team's, and my settings, in my Slack language. */
export function homeView(data: HomeData, browse: (key: string) => string, formatDate: (ms: number) => string, locale: Locale = 'en'): SlackView {
  const t = slackText(locale);
  const view = HomeTab()
    .blocks(
      Blocks.Header({ text: 'Centric' }),
      Blocks.Section({ text: `${Md.bold(t('home.yourScore'))} ${trend(data.mine, t)}\n${Md.bold(t('home.teamScore'))} ${trend(data.team, t)}` }),
      Blocks.Divider(),
      ...outcomeBlocks(data, browse, locale),
      Blocks.Header({ text: data.failing.length > 0 ? t('home.failing', { count: data.failing.length }) : t('home.tickets') }),
      ...ticketBlocks(data, browse, t),
      Blocks.Divider(),
      Blocks.Header({ text: t('home.settings') }),
      ...settingBlocks(data, formatDate, t),
    )
    .buildToObject() as { blocks: Block[] };
  return fit(view, 'view', undefined, locale);
}

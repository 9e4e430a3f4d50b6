import { Bits, Blocks, Elements, HomeTab, Md } from 'slack-block-builder';
import { WORKING_HOURS_CHOICES, type HomeData, type ScoreTrend } from '../../flows/app-home.js';
import { ACTION } from '../ids.js';
import { fit, type Block, type SlackView } from './limits.js';
import { escapeMrkdwn, ticketLink } from './mrkdwn.js';
import { outcomeButtons, questionLine } from './outcome.js';

function trend(score: ScoreTrend): string {
  if (score.thisWeek === null) return 'no tickets linted this week';
  if (score.lastWeek === null) return `${score.thisWeek}/100 this week`;
  const change = score.thisWeek - score.lastWeek;
  return `${score.thisWeek}/100 this week ${change > 0 ? `▲ ${change}` : change < 0 ? `▼ ${-change}` : '='} (last week ${score.lastWeek})`;
}

/** My failing tickets with a Fix it button each, or why there are none. */
function ticketBlocks(data: HomeData, browse: (key: string) => string) {
  if (!data.linked) return [Blocks.Section({ text: 'Centric does not know your Jira account yet: type `/centric link` in any channel.' })];
  if (data.failing.length === 0) return [Blocks.Section({ text: ':tada: None of your open tickets fails.' })];
  return data.failing.map((r) =>
    Blocks.Section({ text: `${ticketLink(browse(r.key), r.key)} · ${r.score ?? '–'}/100\n${escapeMrkdwn(r.summary)}` }).accessory(Elements.Button({ text: 'Fix it', actionId: ACTION.fixTicket, value: r.key })),
  );
}

/** Shipped stories waiting for the person to say whether their customer metric moved, with the DM's buttons. */
function outcomeBlocks(data: HomeData, browse: (key: string) => string) {
  if (data.outcomes.length === 0) return [];
  return [
    Blocks.Header({ text: `Outcomes to review (${data.outcomes.length})` }),
    ...data.outcomes.slice(0, 10).flatMap((q) => [Blocks.Section({ text: questionLine(q, browse) }), outcomeButtons(q)]),
    Blocks.Divider(),
  ];
}

const hoursOption = (h: string) => Bits.Option({ text: h.replace('-', '–'), value: h });

/** Mute, working hours and mentions in digests, each with the control that changes it. */
function settingBlocks(data: HomeData, formatDate: (ms: number) => string) {
  const muted = Blocks.Section({ text: data.mutedUntil ? `Nudges are muted until ${formatDate(data.mutedUntil)}.` : 'Centric nudges you at most once a day about tickets you reported.' }).accessory(
    data.mutedUntil ? Elements.Button({ text: 'Unmute', actionId: ACTION.homeUnmute }) : Elements.Button({ text: 'Mute a week', actionId: ACTION.homeMute }),
  );
  const hours = Blocks.Section({ text: `Nudges arrive on weekdays between ${data.workingHours.replace('-', ' and ')}, in your Slack timezone.` }).accessory(
    Elements.StaticSelect({ actionId: ACTION.homeWorkingHours, placeholder: 'Working hours' })
      .options(WORKING_HOURS_CHOICES.map(hoursOption))
      .initialOption(WORKING_HOURS_CHOICES.includes(data.workingHours) ? hoursOption(data.workingHours) : undefined),
  );
  const mention = Blocks.Section({
    text: data.digestMention ? 'Weekly digests mention you next to your tickets that need attention.' : 'Weekly digests list tickets that need attention without naming anyone.',
  }).accessory(
    data.digestMention ? Elements.Button({ text: 'Stop mentioning me', actionId: ACTION.homeDigestMentionOff }) : Elements.Button({ text: 'Mention me', actionId: ACTION.homeDigestMentionOn }),
  );
  return [muted, hours, mention];
}

/** App Home: my failing tickets worst first, my score and the team's, and my settings. */
export function homeView(data: HomeData, browse: (key: string) => string, formatDate: (ms: number) => string): SlackView {
  const view = HomeTab()
    .blocks(
      Blocks.Header({ text: 'Centric' }),
      Blocks.Section({ text: `${Md.bold('Your score:')} ${trend(data.mine)}\n${Md.bold("Your team's score:")} ${trend(data.team)}` }),
      Blocks.Divider(),
      ...outcomeBlocks(data, browse),
      Blocks.Header({ text: data.failing.length > 0 ? `Your tickets that need a customer (${data.failing.length})` : 'Your tickets' }),
      ...ticketBlocks(data, browse),
      Blocks.Divider(),
      Blocks.Header({ text: 'Settings' }),
      ...settingBlocks(data, formatDate),
    )
    .buildToObject() as { blocks: Block[] };
  return fit(view, 'view');
}

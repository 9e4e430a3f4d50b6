import { Blocks, Elements, Md, Message } from 'slack-block-builder';
import type { Locale } from '../../core/i18n/locales.js';
import { passes } from '../../core/lint.js';
import { journeyLine } from '../../core/journey/journey-line.js';
import { storyWho } from '../../core/render/story-line.js';
import type { Finding, Report } from '../../core/types.js';
import { ACTION } from '../ids.js';
import { slackText, type SlackText } from './i18n.js';
import { cut, cutMrkdwn, fit, LIMITS, type SlackMessage } from './limits.js';
import { escapeMrkdwn, icon, mrkdwnLink } from './mrkdwn.js';

/** The rule id in bold, linked to the README section that explains it when the finding has one. */
const ruleName = (f: Pick<Finding, 'rule' | 'link'>): string => Md.bold(mrkdwnLink(f.link, f.rule) ?? f.rule);

/** A finding and its hint as they arrive (in the ticket's language); only the frame is the reader's. */
const findingSection = (f: Finding, t: SlackText) => Blocks.Section({ text: `${icon(f.severity)} ${ruleName(f)}: ${escapeMrkdwn(f.message)}\n${Md.italic(t('fix', { hint: escapeMrkdwn(f.hint) }))}` });

/** Who the story is for (its persona, or a job story's situation) and its journey stage, when known. */
function contextOf(report: Report, t: SlackText, locale: Locale) {
  // Plain text, escaped below as a whole (the label holds no markup).
  const who = report.story ? (report.story.kind === 'job' ? t('report.situation', { situation: storyWho(report.story) }) : t('report.persona', { persona: report.story.role })) : null;
  const lines = [who, journeyLine(report, locale)].filter((l): l is string => l !== null);
  return lines.length > 0 ? Blocks.Context().elements(lines.map((l) => cutMrkdwn(escapeMrkdwn(l), LIMITS.contextText))) : undefined;
}

/** `/centric check`: the score, each finding with its hint and the rule's explanation, and buttons. */
export function reportMessage(report: Report, summary: string, browseUrl: string, locale: Locale = 'en'): SlackMessage {
  const t = slackText(locale);
  const verdict = { key: report.key, score: String(report.score), passes: passes(report) ? 'yes' : 'no' };
  const findings = report.findings ?? [];
  const built = Message({ text: t('report.fallback', { ...verdict, findings: findings.length }) })
    .ephemeral()
    .blocks(
      Blocks.Header({ text: cut(t('report.header', verdict), LIMITS.headerText) }),
      Blocks.Section({ text: escapeMrkdwn(summary || report.key) }),
      contextOf(report, t, locale),
      ...findings.map((f) => findingSection(f, t)),
      findings.length === 0 ? Blocks.Section({ text: t('report.allPass') }) : undefined,
      Blocks.Actions().elements(
        Elements.Button({ text: t('openInJira'), url: browseUrl, actionId: ACTION.openInJira }),
        findings.length > 0 ? Elements.Button({ text: t('fixIt'), actionId: ACTION.fixTicket, value: report.key }).primary() : undefined,
      ),
    )
    .buildToObject() as SlackMessage;
  return fit(built, 'message', browseUrl, locale);
}

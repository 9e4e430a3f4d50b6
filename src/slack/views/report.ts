import { Blocks, Elements, Md, Message } from 'slack-block-builder';
import { passes } from '../../core/lint.js';
import { journeyLine } from '../../core/journey/journey-line.js';
import { storyWho } from '../../core/render/story-line.js';
import type { Finding, Report } from '../../core/types.js';
import { ACTION } from '../ids.js';
import { cut, cutMrkdwn, fit, LIMITS, type SlackMessage } from './limits.js';
import { escapeMrkdwn, icon, mrkdwnLink } from './mrkdwn.js';

/** The rule id in bold, linked to the README section that explains it when the finding has one. */
const ruleName = (f: Pick<Finding, 'rule' | 'link'>): string => Md.bold(mrkdwnLink(f.link, f.rule) ?? f.rule);

const findingSection = (f: Finding) => Blocks.Section({ text: `${icon(f.severity)} ${ruleName(f)}: ${escapeMrkdwn(f.message)}\n${Md.italic(`Fix: ${escapeMrkdwn(f.hint)}`)}` });

/** Who the story is for (its persona, or a job story's situation) and its journey stage, when known. */
function contextOf(report: Report) {
  const who = report.story ? (report.story.kind === 'job' ? `Situation: ${storyWho(report.story)}` : `Persona: ${report.story.role}`) : null;
  const lines = [who, journeyLine(report)].filter((l): l is string => l !== null);
  return lines.length > 0 ? Blocks.Context().elements(lines.map((l) => cutMrkdwn(escapeMrkdwn(l), LIMITS.contextText))) : undefined;
}

/** `/centric check`: the score, each finding with its hint and the rule's explanation, and buttons. */
export function reportMessage(report: Report, summary: string, browseUrl: string): SlackMessage {
  const verdict = passes(report) ? 'passes' : 'fails';
  const findings = report.findings ?? [];
  const built = Message({ text: `${report.key}: ${report.score}/100, ${verdict}${findings.length ? `, ${findings.length} finding${findings.length === 1 ? '' : 's'}` : ''}` })
    .ephemeral()
    .blocks(
      Blocks.Header({ text: cut(`${report.key} · ${report.score}/100 · ${verdict}`, LIMITS.headerText) }),
      Blocks.Section({ text: escapeMrkdwn(summary || report.key) }),
      contextOf(report),
      ...findings.map(findingSection),
      findings.length === 0 ? Blocks.Section({ text: ':white_check_mark: Every check passes.' }) : undefined,
      Blocks.Actions().elements(
        Elements.Button({ text: 'Open in Jira', url: browseUrl, actionId: ACTION.openInJira }),
        findings.length > 0 ? Elements.Button({ text: 'Fix it', actionId: ACTION.fixTicket, value: report.key }).primary() : undefined,
      ),
    )
    .buildToObject() as SlackMessage;
  return fit(built, 'message', browseUrl);
}

import { Bits, Blocks, Elements, HomeTab, Md, Message, Modal } from 'slack-block-builder';
import { passes } from '../core/lint.js';
import type { PersonaDefinition } from '../core/config-types.js';
import type { Report } from '../core/types.js';
import { WORKING_HOURS_CHOICES, type HomeData } from '../flows/app-home.js';
import type { FixPrefill } from '../flows/fix-ticket.js';
import type { NudgeItem } from '../flows/ports.js';

export type { FixPrefill };

/** Slack's documented limits. */
export const LIMITS = { messageBlocks: 50, viewBlocks: 100, sectionText: 3000, headerText: 150, contextText: 2000, messageChars: 12_000 };

type Block = Record<string, any>;
export interface SlackMessage {
  text: string;
  blocks: Block[];
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
}

/** &, < and > in user text would be read as Slack markup (links, mentions). */
export const escapeMrkdwn = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const cut = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

function textOf(block: Block): string[] {
  const texts: string[] = [];
  if (block.text?.text) texts.push(block.text.text);
  for (const f of block.fields ?? []) texts.push(f.text);
  for (const e of block.elements ?? []) if (typeof e.text === 'string') texts.push(e.text);
  return texts;
}

/** Every limit a payload breaks; empty when Slack would accept it. */
export function limitProblems(payload: { blocks?: Block[]; text?: string }, surface: 'message' | 'view' = 'message'): string[] {
  const problems: string[] = [];
  const blocks = payload.blocks ?? [];
  const max = surface === 'message' ? LIMITS.messageBlocks : LIMITS.viewBlocks;
  if (surface === 'message' && !payload.text) problems.push('no plain text fallback');
  if (blocks.length > max) problems.push(`${blocks.length} blocks (at most ${max})`);
  blocks.forEach((b, i) => {
    if (b.type === 'header' && (b.text?.text ?? '').length > LIMITS.headerText) problems.push(`block ${i}: header over ${LIMITS.headerText} characters`);
    if (b.type === 'section' && (b.text?.text ?? '').length > LIMITS.sectionText) problems.push(`block ${i}: section over ${LIMITS.sectionText} characters`);
    if (b.type === 'context' && textOf(b).join('').length > LIMITS.contextText) problems.push(`block ${i}: context over ${LIMITS.contextText} characters`);
  });
  const total = blocks.flatMap(textOf).join('').length;
  if (surface === 'message' && total > LIMITS.messageChars) problems.push(`${total} characters of block text (at most ${LIMITS.messageChars})`);
  return problems;
}

/**
 * Makes a payload fit: long texts cut with "…", and blocks past the limits replaced by a line
 * "…and N more" (with a link to the rest, when there is one).
 */
export function fit<T extends { blocks: Block[] }>(payload: T, surface: 'message' | 'view' = 'message', moreUrl?: string): T {
  const blocks = payload.blocks.map((b) => {
    if (b.type === 'header' && b.text) return { ...b, text: { ...b.text, text: cut(b.text.text, LIMITS.headerText) } };
    if (b.type === 'section' && b.text) return { ...b, text: { ...b.text, text: cut(b.text.text, LIMITS.sectionText) } };
    return b;
  });
  const max = (surface === 'message' ? LIMITS.messageBlocks : LIMITS.viewBlocks) - 1;
  let kept = blocks.slice(0, max);
  const budget = LIMITS.messageChars - 200;
  while (surface === 'message' && kept.length > 1 && kept.flatMap(textOf).join('').length > budget) kept = kept.slice(0, -1);
  const dropped = blocks.length - kept.length;
  if (dropped > 0) {
    const more = `…and ${dropped} more${moreUrl ? `: <${moreUrl}|see all>` : ''}`;
    kept.push({ type: 'context', elements: [{ type: 'mrkdwn', text: more }] });
  }
  return { ...payload, blocks: kept };
}

const icon = (severity: string): string => (severity === 'error' ? ':x:' : ':warning:');

/** `/centric check`: the score, each finding with its hint, and buttons. */
export function reportMessage(report: Report, summary: string, browseUrl: string): SlackMessage {
  const verdict = passes(report) ? 'passes' : 'fails';
  const findings = report.findings ?? [];
  const built = Message({ text: `${report.key}: ${report.score}/100, ${verdict}${findings.length ? `, ${findings.length} findings` : ''}` })
    .ephemeral()
    .blocks(
      Blocks.Header({ text: cut(`${report.key} · ${report.score}/100 · ${verdict}`, LIMITS.headerText) }),
      Blocks.Section({ text: escapeMrkdwn(summary || report.key) }),
      report.story ? Blocks.Context().elements(escapeMrkdwn(`Persona: ${report.story.role}`)) : undefined,
      ...findings.map((f) => Blocks.Section({ text: `${icon(f.severity)} ${Md.bold(f.rule)}: ${escapeMrkdwn(f.message)}\n${Md.italic(`Fix: ${escapeMrkdwn(f.hint)}`)}` })),
      findings.length === 0 ? Blocks.Section({ text: ':white_check_mark: Every check passes.' }) : undefined,
      Blocks.Actions().elements(
        Elements.Button({ text: 'Open in Jira', url: browseUrl, actionId: 'open_in_jira' }),
        findings.length > 0 ? Elements.Button({ text: 'Fix it', actionId: 'fix_ticket', value: report.key }).primary() : undefined,
      ),
    )
    .buildToObject() as SlackMessage;
  return fit(built, 'message', browseUrl);
}

/** A one-line ephemeral answer, e.g. an error that says what to type instead. */
export function lineMessage(text: string): SlackMessage {
  return Message({ text }).ephemeral().blocks(Blocks.Section({ text })).buildToObject() as SlackMessage;
}

export const HELP_LINES = [
  ['check SHOP-123', "a ticket's score and findings, with buttons to open or fix it"],
  ['template [persona]', 'a story template with a metric and a visuals line, to copy into a ticket'],
  ['mine', 'your open tickets that fail, worst first'],
  ['digest [SHOP]', 'preview the weekly customer-centricity digest now'],
  ['subscribe SHOP #channel monday 09:00', 'post the weekly digest of a project (or a JQL) to a channel'],
  ['unsubscribe SHOP #channel', 'stop a digest subscription'],
  ['subscriptions', "this channel's digest subscriptions"],
  ['link [accountId]', 'link your Slack user to your Jira account when your e-mail does not'],
  ['mute [days]', 'no nudges for a while (7 days by default)'],
  ['unmute', 'nudges again'],
  ['help', 'this list'],
] as const;

export function helpMessage(): SlackMessage {
  const lines = HELP_LINES.map(([usage, what]) => `\`/centric ${usage}\`  ${what}`);
  return Message({ text: `/centric commands:\n${lines.join('\n')}` })
    .ephemeral()
    .blocks(Blocks.Header({ text: 'Centric: keep tickets customer-centric' }), Blocks.Section({ text: lines.join('\n') }))
    .buildToObject() as SlackMessage;
}

/** `/centric template`: a story with a persona, a benefit, a metric line and a visuals line. */
export function templateMessage(persona: PersonaDefinition | null, asked: string | null): SlackMessage {
  const who = persona?.name.toLowerCase() ?? asked ?? '<who exactly, e.g. first-time shopper on mobile>';
  const template = [
    `As a ${who}, I want <what they want to do>, so that <what it gets them>.`,
    '',
    'Acceptance criteria',
    `- Given <situation>, when the ${persona?.name.toLowerCase() ?? asked ?? 'persona'} <does something>, then they see <result>.`,
    '',
    'Success: <customer metric> from <now> to <target> within <weeks> of release, e.g. checkout conversion from 2.1% to 2.6% in 6 weeks.',
    'Design: <Figma or Miro link, screenshot or screen recording>',
  ].join('\n');
  return Message({ text: template })
    .ephemeral()
    .blocks(
      Blocks.Section({ text: `Copy this into the ticket${persona?.description ? ` (${escapeMrkdwn(persona.name)}: ${escapeMrkdwn(persona.description)})` : ''}:` }),
      Blocks.Section({ text: Md.codeBlock(escapeMrkdwn(template)) }),
    )
    .buildToObject() as SlackMessage;
}

/** `/centric mine`: failing tickets, worst first. */
export function mineMessage(rows: Array<{ key: string; score: number | null; summary: string }>, browse: (key: string) => string): SlackMessage {
  if (rows.length === 0) return lineMessage(':tada: None of your open tickets fails. Thank you for keeping them customer-centric.');
  const built = Message({ text: `${rows.length} of your tickets fail` })
    .ephemeral()
    .blocks(
      Blocks.Header({ text: `Your failing tickets (${rows.length})` }),
      ...rows.map((r) =>
        Blocks.Section({ text: `<${browse(r.key)}|${r.key}> · ${r.score ?? '–'}/100\n${escapeMrkdwn(r.summary)}` }).accessory(
          Elements.Button({ text: 'Open in Jira', url: browse(r.key), actionId: 'open_in_jira' }),
        ),
      ),
    )
    .buildToObject() as SlackMessage;
  return fit(built, 'message');
}

/** The DM: each ticket with its score, its two most important findings and buttons. */
export function nudgeMessage(items: NudgeItem[], browse: (key: string) => string): SlackMessage {
  const open = items.filter((i) => !i.fixed).length;
  const headline = open === 0 ? 'Fixed, thank you: every ticket in this message is customer-centric now.' : `${open} of your tickets ${open === 1 ? 'needs' : 'need'} a customer`;
  // The fallback is what notifications show: it names the tickets.
  const keys = items.filter((i) => !i.fixed).map((i) => i.key);
  const text = open === 0 ? headline : `${headline}: ${keys.slice(0, 10).join(', ')}${keys.length > 10 ? ` and ${keys.length - 10} more` : ''}`;
  const blocks: Array<ReturnType<typeof Blocks.Section> | ReturnType<typeof Blocks.Actions>> = [Blocks.Section({ text: open === 0 ? `:white_check_mark: ${headline}` : `:wave: ${headline}: a few words make them clear to everyone who builds them.` })];
  for (const item of items) {
    const link = `<${browse(item.key)}|${item.key}>`;
    if (item.fixed) {
      blocks.push(Blocks.Section({ text: `:white_check_mark: ${link} fixed, thank you. ${escapeMrkdwn(item.summary)}` }));
      continue;
    }
    const top = item.findings.map((f) => `${icon(f.severity)} ${escapeMrkdwn(f.message)}\n${Md.italic(`Fix: ${escapeMrkdwn(f.hint)}`)}`).join('\n');
    blocks.push(Blocks.Section({ text: `${link} · ${item.score ?? '–'}/100 · ${escapeMrkdwn(item.summary)}\n${top}` }));
    blocks.push(
      Blocks.Actions({ blockId: `nudge:${item.key}` }).elements(
        Elements.Button({ text: 'Open in Jira', url: browse(item.key), actionId: 'open_in_jira' }),
        Elements.Button({ text: 'Fix it', actionId: 'fix_ticket', value: item.key }).primary(),
        Elements.Button({ text: 'Snooze a week', actionId: 'snooze_ticket', value: item.key }),
        Elements.Button({ text: 'Not a story', actionId: 'not_a_story', value: item.key }),
      ),
    );
  }
  return fit(Message({ text }).blocks(...blocks).buildToObject() as SlackMessage, 'message');
}

export const FIX_MODAL = 'fix_ticket_modal';

/** What the submission needs without asking Jira again (it must be acknowledged within 3 s). */
export interface FixMetadata {
  key: string;
  ticketHasMetric: boolean;
}

export function fixMetadata(view: { private_metadata?: string }): FixMetadata {
  const raw = view.private_metadata ?? '';
  try {
    const parsed = JSON.parse(raw) as Partial<FixMetadata>;
    return { key: String(parsed.key ?? ''), ticketHasMetric: parsed.ticketHasMetric === true };
  } catch {
    // A modal opened by an earlier version carried only the key.
    return { key: raw, ticketHasMetric: false };
  }
}

/** Opened at once on "Fix it" (a trigger_id lives 3 s), then replaced when Jira has answered. */
export function loadingModal(key: string): Record<string, any> {
  return noticeModal(key, `Reading ${key} from Jira…`);
}

/** A modal that only says something: loading, or why the ticket cannot be fixed from here. */
export function noticeModal(key: string, text: string): Record<string, any> {
  return Modal({ title: cut(`Fix ${key}`, 24), close: 'Close' })
    .blocks(Blocks.Section({ text: cut(escapeMrkdwn(text), LIMITS.sectionText) }))
    .buildToObject();
}

/** The Fix-it modal: the parsed story pre-filled; the persona a select when a catalogue exists. */
export function fixModal(prefill: FixPrefill, personas: string[]): Record<string, any> {
  const roleElement =
    personas.length > 0
      ? Elements.StaticSelect({ actionId: 'value', placeholder: 'Choose a persona' })
          .options(personas.map((p) => Bits.Option({ text: p, value: p })))
          .initialOption(personas.includes(prefill.role) ? Bits.Option({ text: prefill.role, value: prefill.role }) : undefined)
      : Elements.TextInput({ actionId: 'value', placeholder: 'e.g. first-time shopper on mobile', initialValue: prefill.role || undefined, maxLength: 150 });
  const text = (block: string, label: string, initial: string, hint: string, optional = false) =>
    Blocks.Input({ label, blockId: block, hint })
      .element(Elements.TextInput({ actionId: 'value', initialValue: initial || undefined, maxLength: block === 'goal' || block === 'benefit' ? 500 : 300 }))
      .optional(optional);
  return fit(
    Modal({ title: cut(`Fix ${prefill.key}`, 24), callbackId: FIX_MODAL, privateMetaData: JSON.stringify({ key: prefill.key, ticketHasMetric: prefill.ticketHasMetric === true } satisfies FixMetadata), submit: 'Update ticket', close: 'Cancel' })
      .blocks(
        Blocks.Section({ text: `Make ${Md.bold(prefill.key)} say who it is for, what they want, why, and how you will know. Only the story part of the description changes; everything else, attachments included, stays.` }),
        Blocks.Input({ label: 'As a…', blockId: 'role', hint: 'Who exactly is it for?' }).element(roleElement),
        text('goal', 'I want to…', prefill.goal, 'What do they want to do?'),
        text('benefit', 'so that…', prefill.benefit, 'What does it get them?'),
        text('metric', 'Success', prefill.metric, 'A customer metric with a target, e.g. checkout conversion +3% within 6 weeks', true),
        Blocks.Input({ label: 'Design or recording link', blockId: 'visuals', hint: 'Figma, Miro, Loom…' })
          .element(Elements.URLInput({ actionId: 'value', initialValue: prefill.visualsUrl || undefined }))
          .optional(true),
      )
      .buildToObject() as { blocks: Block[] },
    'view',
  );
}

/** The values of a submitted Fix-it modal. */
export function fixValues(state: Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>>): Omit<FixPrefill, 'key'> {
  const get = (block: string) => state[block]?.value?.value ?? state[block]?.value?.selected_option?.value ?? '';
  return { role: get('role').trim(), goal: get('goal').trim(), benefit: get('benefit').trim(), metric: get('metric').trim(), visualsUrl: get('visuals').trim() };
}

function trend(score: { thisWeek: number | null; lastWeek: number | null }): string {
  if (score.thisWeek === null) return 'no tickets linted this week';
  if (score.lastWeek === null) return `${score.thisWeek}/100 this week`;
  const change = score.thisWeek - score.lastWeek;
  return `${score.thisWeek}/100 this week ${change > 0 ? `▲ ${change}` : change < 0 ? `▼ ${-change}` : '='} (last week ${score.lastWeek})`;
}

/** App Home: my failing tickets worst first, my score and the team's, and my settings. */
export function homeView(data: HomeData, browse: (key: string) => string, formatDate: (ms: number) => string): Record<string, any> {
  const tickets = data.failing.map((r) =>
    Blocks.Section({ text: `<${browse(r.key)}|${r.key}> · ${r.score ?? '–'}/100\n${escapeMrkdwn(r.summary)}` }).accessory(Elements.Button({ text: 'Fix it', actionId: 'fix_ticket', value: r.key })),
  );
  const view = HomeTab()
    .blocks(
      Blocks.Header({ text: 'Centric' }),
      Blocks.Section({ text: `${Md.bold('Your score:')} ${trend(data.mine)}\n${Md.bold("Your team's score:")} ${trend(data.team)}` }),
      Blocks.Divider(),
      Blocks.Header({ text: data.failing.length > 0 ? `Your tickets that need a customer (${data.failing.length})` : 'Your tickets' }),
      ...(data.linked
        ? tickets.length > 0
          ? tickets
          : [Blocks.Section({ text: ':tada: None of your open tickets fails.' })]
        : [Blocks.Section({ text: 'Centric does not know your Jira account yet: type `/centric link` in any channel.' })]),
      Blocks.Divider(),
      Blocks.Header({ text: 'Settings' }),
      Blocks.Section({ text: data.mutedUntil ? `Nudges are muted until ${formatDate(data.mutedUntil)}.` : 'Centric nudges you at most once a day about tickets you reported.' }).accessory(
        data.mutedUntil ? Elements.Button({ text: 'Unmute', actionId: 'home_unmute' }) : Elements.Button({ text: 'Mute a week', actionId: 'home_mute' }),
      ),
      Blocks.Section({ text: `Nudges arrive on weekdays between ${data.workingHours.replace('-', ' and ')}, in your Slack timezone.` }).accessory(
        Elements.StaticSelect({ actionId: 'home_working_hours', placeholder: 'Working hours' })
          .options(WORKING_HOURS_CHOICES.map((h) => Bits.Option({ text: h.replace('-', '–'), value: h })))
          .initialOption(WORKING_HOURS_CHOICES.includes(data.workingHours) ? Bits.Option({ text: data.workingHours.replace('-', '–'), value: data.workingHours }) : undefined),
      ),
      Blocks.Section({
        text: data.digestMention
          ? 'Weekly digests mention you next to your tickets that need attention.'
          : 'Weekly digests list tickets that need attention without naming anyone.',
      }).accessory(
        data.digestMention ? Elements.Button({ text: 'Stop mentioning me', actionId: 'home_digest_mention_off' }) : Elements.Button({ text: 'Mention me', actionId: 'home_digest_mention_on' }),
      ),
    )
    .buildToObject() as { blocks: Block[] };
  return fit(view, 'view');
}

/** The digest's own limits, tighter than Slack's: it must read at a glance. */
export const DIGEST_LIMITS = { blocks: 40, chars: 8_000 };

const pct = (share: number | null): string => (share === null ? '–' : `${Math.round(share * 100)}%`);
function change(now: number | null, before: number | null, unit = ''): string {
  if (now === null || before === null) return '';
  const d = Math.round(now - before);
  return d > 0 ? ` ▲${d}${unit}` : d < 0 ? ` ▼${-d}${unit}` : ' =';
}

export interface DigestView {
  title: string;
  digest: import('../core/digest.js').Digest;
  browse: (key: string) => string;
  late: boolean;
  questions: Array<{ id: string; label: string }>;
}

/** The digest as a message: headline, one line per question, personas, rankings. */
export function digestMessage(v: DigestView): SlackMessage {
  const d = v.digest;
  const headline = d.period.score === null ? `No ticket of ${v.title} changed this week.` : `Customer-centricity of ${v.title}: ${d.period.score}/100${change(d.period.score, d.previous.score)} over ${d.period.tickets} tickets`;
  const questions = v.questions.map((q) => `${q.label}: ${pct(d.period.shares[q.id] ?? null)}${change(d.period.shares[q.id] === null ? null : (d.period.shares[q.id] ?? 0) * 100, d.previous.shares[q.id] === null || d.previous.shares[q.id] === undefined ? null : d.previous.shares[q.id]! * 100, ' pts')}`);
  const personas = d.personas.slice(0, 8).map((p) => `${escapeMrkdwn(p.role)} (${p.count})`).join(', ');
  const link = (key: string) => `<${v.browse(key)}|${key}>`;
  const lines: string[] = [];
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: cut(`Weekly digest: ${v.title}`, LIMITS.headerText) } },
    ...(v.late ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: ':hourglass: Late: Centric was not running at the scheduled time.' }] }] : []),
    { type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(headline)}*` } },
    { type: 'section', text: { type: 'mrkdwn', text: questions.map((q) => `• ${q}`).join('\n') } },
  ];
  lines.push(headline, ...questions);
  if (personas) {
    const generic = d.genericShare === null ? '' : `; ${pct(d.genericShare)} with a generic role`;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*Who we built for:* ${personas}${generic}` } });
    lines.push(`Who we built for: ${personas}${generic}`);
  }
  const ranked = (title: string, rows: string[]) => {
    if (rows.length === 0) return;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*${title}*\n${rows.map((r) => `• ${r}`).join('\n')}` } });
    lines.push(`${title}: ${rows.length}`);
  };
  ranked('Biggest bang for the buck', d.bangForBuck.map((b) => `${link(b.key)}: benefit ${b.benefit} / cost ${b.cost}`));
  ranked('Most improved', d.mostImproved.map((m) => `${link(m.key)}: ${m.from} → ${m.to}`));
  ranked('Needs attention (ready for development)', d.needsAttention.map((n) => `${link(n.key)}: ${n.score}/100${n.owner ? ` · <@${n.owner}>` : ''}`));
  const message = { text: lines.join('\n'), blocks };
  return fitDigest(message);
}

function fitDigest(message: SlackMessage): SlackMessage {
  let blocks = message.blocks.slice(0, DIGEST_LIMITS.blocks).map((b) => (b.type === 'section' ? { ...b, text: { ...b.text, text: cut(b.text.text, LIMITS.sectionText) } } : b));
  while (blocks.flatMap(textOf).join('').length > DIGEST_LIMITS.chars && blocks.length > 1) blocks = blocks.slice(0, -1);
  return { ...message, blocks };
}

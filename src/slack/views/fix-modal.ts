import { Bits, Blocks, Elements, Md, Modal } from 'slack-block-builder';
import type { FixPrefill } from '../../flows/fix-ticket.js';
import { FIX_INPUT, FIX_INPUT_ACTION, VIEW } from '../ids.js';
import { cut, cutSection, fit, LIMITS, type Block, type SlackView } from './limits.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** Slack's limit on a modal title. */
const TITLE_CHARS = 24;

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
export function loadingModal(key: string): SlackView {
  return noticeModal(key, `Reading ${key} from Jira…`);
}

/** A modal that only says something: loading, or why the ticket cannot be fixed from here. */
export function noticeModal(key: string, text: string): SlackView {
  return Modal({ title: cut(`Fix ${key}`, TITLE_CHARS), close: 'Close' })
    .blocks(Blocks.Section({ text: cutSection(escapeMrkdwn(text)) }))
    .buildToObject();
}

/** The persona: a select when centric.yml has a catalogue, free text otherwise. */
function roleElement(role: string, personas: string[]) {
  if (personas.length === 0) return Elements.TextInput({ actionId: FIX_INPUT_ACTION, placeholder: 'e.g. first-time shopper on mobile', initialValue: role || undefined, maxLength: 150 });
  const option = (p: string) => Bits.Option({ text: p, value: p });
  return Elements.StaticSelect({ actionId: FIX_INPUT_ACTION, placeholder: 'Choose a persona' })
    .options(personas.map(option))
    .initialOption(personas.includes(role) ? option(role) : undefined);
}

/** A free-text input of the modal; the story's clauses get more room than the success line. */
function textInput(block: 'goal' | 'benefit' | 'metric', label: string, initial: string, hint: string, optional = false) {
  return Blocks.Input({ label, blockId: FIX_INPUT[block], hint })
    .element(Elements.TextInput({ actionId: FIX_INPUT_ACTION, initialValue: initial || undefined, maxLength: block === 'metric' ? 300 : 500 }))
    .optional(optional);
}

/** The Fix-it modal: the parsed story pre-filled; the persona a select when a catalogue exists. */
export function fixModal(prefill: FixPrefill, personas: string[]): SlackView {
  const metadata: FixMetadata = { key: prefill.key, ticketHasMetric: prefill.ticketHasMetric === true };
  const modal = Modal({ title: cut(`Fix ${prefill.key}`, TITLE_CHARS), callbackId: VIEW.fixTicket, privateMetaData: JSON.stringify(metadata), submit: 'Update ticket', close: 'Cancel' }).blocks(
    Blocks.Section({ text: `Make ${Md.bold(prefill.key)} say who it is for, what they want, why, and how you will know. Only the story part of the description changes; everything else, attachments included, stays.` }),
    Blocks.Input({ label: 'As a…', blockId: FIX_INPUT.role, hint: 'Who exactly is it for?' }).element(roleElement(prefill.role, personas)),
    textInput('goal', 'I want to…', prefill.goal, 'What do they want to do?'),
    textInput('benefit', 'so that…', prefill.benefit, 'What does it get them?'),
    textInput('metric', 'Success', prefill.metric, 'A customer metric with a target, e.g. checkout conversion +3% within 6 weeks', true),
    Blocks.Input({ label: 'Design or recording link', blockId: FIX_INPUT.visuals, hint: 'Figma, Miro, Loom…' })
      .element(Elements.URLInput({ actionId: FIX_INPUT_ACTION, initialValue: prefill.visualsUrl || undefined }))
      .optional(true),
  );
  return fit(modal.buildToObject() as { blocks: Block[] }, 'view');
}

type SubmittedState = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>>;

/** The values of a submitted Fix-it modal. */
export function fixValues(state: SubmittedState): Omit<FixPrefill, 'key'> {
  const get = (block: string) => state[block]?.[FIX_INPUT_ACTION]?.value ?? state[block]?.[FIX_INPUT_ACTION]?.selected_option?.value ?? '';
  return { role: get(FIX_INPUT.role).trim(), goal: get(FIX_INPUT.goal).trim(), benefit: get(FIX_INPUT.benefit).trim(), metric: get(FIX_INPUT.metric).trim(), visualsUrl: get(FIX_INPUT.visuals).trim() };
}

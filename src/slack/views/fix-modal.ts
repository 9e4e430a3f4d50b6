import { Bits, Blocks, Elements, Md, Modal } from 'slack-block-builder';
import type { StoryFix } from '../../core/story/rewrite-story.js';
import type { FixForm, FixPrefill } from '../../flows/fix-ticket.js';
import { FIX_INPUT, FIX_INPUT_ACTION, VIEW } from '../ids.js';
import { cut, cutSection, fit, LIMITS, type Block, type SlackView } from './limits.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** Slack's limit on a modal title. */
const TITLE_CHARS = 24;

/** What the submission needs without asking Jira again (it must be acknowledged within 3 s). */
export interface FixMetadata {
  key: string;
  ticketHasMetric: boolean;
  /** Present for a job story only: a modal opened before job stories, or for a user story, writes one. */
  form?: 'job';
}

export function fixMetadata(view: { private_metadata?: string }): FixMetadata {
  const raw = view.private_metadata ?? '';
  try {
    const parsed = JSON.parse(raw) as Partial<FixMetadata>;
    const metadata: FixMetadata = { key: String(parsed.key ?? ''), ticketHasMetric: parsed.ticketHasMetric === true };
    if (parsed.form === 'job') metadata.form = 'job';
    return metadata;
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

const KEPT = 'Only the story part of the description changes; everything else, attachments included, stays.';

/** What the modal says it does: which story it writes, and that a job story becomes a user story when the project asks for one. */
function intro(prefill: FixPrefill, form: FixForm): string {
  const key = Md.bold(prefill.key);
  if (form === 'job') return `Make ${key} say when it happens, what you want then, why, and how you will know. This writes a job story: "When …, I want to …, so I can …". ${KEPT}`;
  const rewrites = prefill.storyKind === 'job' ? ' This project writes user stories: the ticket\'s job story ("When …") is rewritten as "As a …, I want to …, so that …".' : '';
  return `Make ${key} say who it is for, what they want, why, and how you will know.${rewrites} ${KEPT}`;
}

/** The first field: the persona of a user story, or the situation of a job story (same block, so errors land there). */
function whoOrWhen(prefill: FixPrefill, form: FixForm, personas: string[]) {
  if (form === 'job') {
    const element = Elements.TextInput({ actionId: FIX_INPUT_ACTION, placeholder: "e.g. I'm re-ordering supplies at the end of a night shift", initialValue: prefill.situation || undefined, maxLength: 300 });
    return Blocks.Input({ label: 'When…', blockId: FIX_INPUT.role, hint: 'The moment it happens: what is going on, and what set it off?' }).element(element);
  }
  return Blocks.Input({ label: 'As a…', blockId: FIX_INPUT.role, hint: 'Who exactly is it for?' }).element(roleElement(prefill.role, personas));
}

/** The Fix-it modal: the parsed story pre-filled, as a user story (the persona a select when a catalogue exists) or a job story. */
export function fixModal(prefill: FixPrefill, personas: string[]): SlackView {
  const form = prefill.form ?? 'user';
  const metadata: FixMetadata = { key: prefill.key, ticketHasMetric: prefill.ticketHasMetric === true };
  if (form === 'job') metadata.form = 'job';
  const job = form === 'job';
  const modal = Modal({ title: cut(`Fix ${prefill.key}`, TITLE_CHARS), callbackId: VIEW.fixTicket, privateMetaData: JSON.stringify(metadata), submit: 'Update ticket', close: 'Cancel' }).blocks(
    Blocks.Section({ text: intro(prefill, form) }),
    whoOrWhen(prefill, form, personas),
    textInput('goal', 'I want to…', prefill.goal, job ? 'What do you want to do then?' : 'What do they want to do?'),
    textInput('benefit', job ? 'so I can…' : 'so that…', prefill.benefit, job ? 'What does it let you do, or stop worrying about?' : 'What does it get them?'),
    textInput('metric', 'Success', prefill.metric, 'A customer metric with a target, e.g. checkout conversion +3% within 6 weeks', true),
    Blocks.Input({ label: 'Design or recording link', blockId: FIX_INPUT.visuals, hint: 'Figma, Miro, Loom…' })
      .element(Elements.URLInput({ actionId: FIX_INPUT_ACTION, initialValue: prefill.visualsUrl || undefined }))
      .optional(true),
  );
  return fit(modal.buildToObject() as { blocks: Block[] }, 'view');
}

type SubmittedState = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>>;

/** The values of a submitted Fix-it modal: for a job story, the first field is the situation. */
export function fixValues(state: SubmittedState, form: FixForm = 'user'): StoryFix {
  const get = (block: string) => state[block]?.[FIX_INPUT_ACTION]?.value ?? state[block]?.[FIX_INPUT_ACTION]?.selected_option?.value ?? '';
  const first = get(FIX_INPUT.role).trim();
  const values: StoryFix = { role: form === 'job' ? '' : first, goal: get(FIX_INPUT.goal).trim(), benefit: get(FIX_INPUT.benefit).trim(), metric: get(FIX_INPUT.metric).trim(), visualsUrl: get(FIX_INPUT.visuals).trim() };
  if (form === 'job') values.situation = first;
  return values;
}

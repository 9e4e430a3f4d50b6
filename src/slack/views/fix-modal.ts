import { Bits, Blocks, Elements, Md, Modal } from 'slack-block-builder';
import { isLocale, type Locale } from '../../core/i18n/locales.js';
import type { StoryFix } from '../../core/story/rewrite-story.js';
import type { FixForm, FixPrefill } from '../../flows/fix-ticket.js';
import { FIX_INPUT, FIX_INPUT_ACTION, VIEW } from '../ids.js';
import { slackText, type SlackText } from './i18n.js';
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
  /** The language the story is written in, and is written back in (absent: a modal from before, read from the ticket). */
  language?: Locale;
}

export function fixMetadata(view: { private_metadata?: string }): FixMetadata {
  const raw = view.private_metadata ?? '';
  try {
    const parsed = JSON.parse(raw) as Partial<FixMetadata>;
    const metadata: FixMetadata = { key: String(parsed.key ?? ''), ticketHasMetric: parsed.ticketHasMetric === true };
    if (parsed.form === 'job') metadata.form = 'job';
    if (typeof parsed.language === 'string' && isLocale(parsed.language)) metadata.language = parsed.language;
    return metadata;
  } catch {
    // A modal opened by an earlier version carried only the key.
    return { key: raw, ticketHasMetric: false };
  }
}

/** Opened at once on "Fix it" (a trigger_id lives 3 s), then replaced when Jira has answered. */
export function loadingModal(key: string, locale: Locale = 'en'): SlackView {
  return noticeModal(key, slackText(locale)('fix.loading', { key }), locale);
}

/** A modal that only says something: loading, or why the ticket cannot be fixed from here. `text` is plain: escaped here. */
export function noticeModal(key: string, text: string, locale: Locale = 'en'): SlackView {
  const t = slackText(locale);
  return Modal({ title: cut(t('fix.title', { key }), TITLE_CHARS), close: t('close') })
    .blocks(Blocks.Section({ text: cutSection(escapeMrkdwn(text), LIMITS.sectionText, locale) }))
    .buildToObject();
}

/** The persona: a select when centric.yml has a catalogue, free text otherwise (its example in the story's language, `words`). */
function roleElement(role: string, personas: string[], t: SlackText, words: SlackText) {
  if (personas.length === 0) return Elements.TextInput({ actionId: FIX_INPUT_ACTION, placeholder: words('fix.rolePlaceholder'), initialValue: role || undefined, maxLength: 150 });
  const option = (p: string) => Bits.Option({ text: p, value: p });
  return Elements.StaticSelect({ actionId: FIX_INPUT_ACTION, placeholder: t('fix.personaPlaceholder') })
    .options(personas.map(option))
    .initialOption(personas.includes(role) ? option(role) : undefined);
}

/** A free-text input of the modal; the story's clauses get more room than the success line. */
function textInput(block: 'goal' | 'benefit' | 'metric', label: string, initial: string, hint: string, optional = false) {
  return Blocks.Input({ label, blockId: FIX_INPUT[block], hint })
    .element(Elements.TextInput({ actionId: FIX_INPUT_ACTION, initialValue: initial || undefined, maxLength: block === 'metric' ? 300 : 500 }))
    .optional(optional);
}

/** What the modal says it does: which story it writes, and that a job story becomes a user story when the project asks for one. */
function intro(prefill: FixPrefill, form: FixForm, t: SlackText): string {
  const key = Md.bold(prefill.key);
  if (form === 'job') return `${t('fix.introJob', { key })} ${t('fix.kept')}`;
  const rewrites = prefill.storyKind === 'job' ? ` ${t('fix.rewrites')}` : '';
  return `${t('fix.introUser', { key })}${rewrites} ${t('fix.kept')}`;
}

/** The first field: the persona of a user story, or the situation of a job story (same block, so errors land there). */
function whoOrWhen(prefill: FixPrefill, form: FixForm, personas: string[], t: SlackText, words: SlackText) {
  if (form === 'job') {
    const element = Elements.TextInput({ actionId: FIX_INPUT_ACTION, placeholder: words('fix.situationPlaceholder'), initialValue: prefill.situation || undefined, maxLength: 300 });
    return Blocks.Input({ label: words('fix.whenLabel'), blockId: FIX_INPUT.role, hint: t('fix.whenHint') }).element(element);
  }
  return Blocks.Input({ label: words('fix.roleLabel'), blockId: FIX_INPUT.role, hint: t('fix.roleHint') }).element(roleElement(prefill.role, personas, t, words));
}

/**
 * The Fix-it modal, in the person's language: the parsed story pre-filled, as a user story (the
 * persona a select when a catalogue exists) or a job story. The story's own words (the fields'
 * labels "Als…", "möchte ich…" and their examples) are in the story's language: the one written.
 */
export function fixModal(prefill: FixPrefill, personas: string[], locale: Locale = 'en'): SlackView {
  const t = slackText(locale);
  const words = slackText(prefill.language ?? locale);
  const form = prefill.form ?? 'user';
  const metadata: FixMetadata = { key: prefill.key, ticketHasMetric: prefill.ticketHasMetric === true };
  if (form === 'job') metadata.form = 'job';
  // English is what a modal without a language writes: its metadata stays as it always was.
  if (prefill.language && prefill.language !== 'en') metadata.language = prefill.language;
  const job = form === 'job';
  const modal = Modal({ title: cut(t('fix.title', { key: prefill.key }), TITLE_CHARS), callbackId: VIEW.fixTicket, privateMetaData: JSON.stringify(metadata), submit: t('fix.submit'), close: t('cancel') }).blocks(
    Blocks.Section({ text: intro(prefill, form, t) }),
    whoOrWhen(prefill, form, personas, t, words),
    textInput('goal', words('fix.goalLabel'), prefill.goal, job ? t('fix.goalHintJob') : t('fix.goalHintUser')),
    textInput('benefit', job ? words('fix.benefitLabelJob') : words('fix.benefitLabelUser'), prefill.benefit, job ? t('fix.benefitHintJob') : t('fix.benefitHintUser')),
    textInput('metric', words('fix.metricLabel'), prefill.metric, t('fix.metricHint'), true),
    Blocks.Input({ label: t('fix.visualsLabel'), blockId: FIX_INPUT.visuals, hint: t('fix.visualsHint') })
      .element(Elements.URLInput({ actionId: FIX_INPUT_ACTION, initialValue: prefill.visualsUrl || undefined }))
      .optional(true),
  );
  return fit(modal.buildToObject() as { blocks: Block[] }, 'view', undefined, locale);
}

type SubmittedState = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>>;

/** The values of a submitted Fix-it modal: for a job story, the first field is the situation. */
export function fixValues(state: SubmittedState, form: FixForm = 'user', language?: Locale): StoryFix {
  const get = (block: string) => state[block]?.[FIX_INPUT_ACTION]?.value ?? state[block]?.[FIX_INPUT_ACTION]?.selected_option?.value ?? '';
  const first = get(FIX_INPUT.role).trim();
  const values: StoryFix = { role: form === 'job' ? '' : first, goal: get(FIX_INPUT.goal).trim(), benefit: get(FIX_INPUT.benefit).trim(), metric: get(FIX_INPUT.metric).trim(), visualsUrl: get(FIX_INPUT.visuals).trim() };
  if (form === 'job') values.situation = first;
  if (language) values.language = language;
  return values;
}

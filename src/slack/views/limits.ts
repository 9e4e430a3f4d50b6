/** Slack's documented limits, and what makes a payload keep to them. */

import type { Locale } from '../../core/i18n/locales.js';
import { slackText } from './i18n.js';

export const LIMITS = { messageBlocks: 50, viewBlocks: 100, sectionText: 3000, headerText: 150, contextText: 2000, messageChars: 12_000, fallbackText: 4000 };
// fallbackText is Centric's own bound on a message's `text`: Slack cuts it only at 40,000, but notifications show its start.

export type Block = Record<string, any>;

/** A message as Centric sends it: Block Kit and the plain text notifications show. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
}

/** A modal or Home tab, as views.open, views.update and views.publish take it. */
export type SlackView = Record<string, any>;

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** Where to end a cut of `s` to `end` characters so that no character (surrogate pair) is split. */
const wholeChars = (s: string, end: number): number => (end > 0 && isHighSurrogate(s.charCodeAt(end - 1)) ? end - 1 : end);

/** Plain text (headers, titles) cut to at most `max` characters, with "…" when it was longer. */
export const cut = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, wholeChars(s, max - 1))}…`);

/**
 * Mrkdwn cut to at most `max` characters, with "…" when it was longer, never inside a `<url|KEY>`
 * link or mention nor inside an escape like `&amp;`: half of one is broken markup, or worse, a
 * different link. The cut moves back to before it.
 */
export function cutMrkdwn(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  const open = s.lastIndexOf('<', end - 1);
  if (open >= 0 && open > s.lastIndexOf('>', end - 1)) end = open;
  const amp = s.lastIndexOf('&', end - 1);
  // The escapes Centric writes are at most 5 characters long (&amp;) and end with ";".
  if (amp >= 0 && end - amp < 5 && !s.slice(amp, end).includes(';')) end = amp;
  return `${s.slice(0, wholeChars(s, end))}…`;
}

/**
 * Whole items (lines, list entries) joined by `sep`, as many as fit in `max` characters, and a
 * last item saying how many were left out ("…and 3 more"). Only when not even the first item
 * fits is it cut, as mrkdwn. Cutting between items never splits a link or an escape.
 */
export function itemsWithin(items: string[], max: number, sep = '\n', more = andMore('en')): string {
  const all = items.join(sep);
  if (all.length <= max) return all;
  const tail = (left: number): string => (left > 0 ? `${sep}${more(left)}` : '');
  let kept = 0;
  let length = 0;
  for (const item of items) {
    const next = length + (kept > 0 ? sep.length : 0) + item.length;
    if (next + tail(items.length - kept - 1).length > max) break;
    kept++;
    length = next;
  }
  if (kept === 0) return `${cutMrkdwn(items[0] ?? '', max - tail(items.length - 1).length)}${tail(items.length - 1)}`;
  return `${items.slice(0, kept).join(sep)}${tail(items.length - kept)}`;
}

/** "…and 3 more", in the reader's language. */
export const andMore =
  (locale: Locale) =>
  (count: number): string =>
    slackText(locale)('more', { count });

/** A section's mrkdwn within Slack's 3,000 characters: whole lines kept, the rest counted. */
export const cutSection = (text: string, max: number = LIMITS.sectionText, locale: Locale = 'en'): string => itemsWithin(text.split('\n'), max, '\n', andMore(locale));

/** The texts of a block that count towards a message's size. */
export function textOf(block: Block): string[] {
  const texts: string[] = [];
  if (block.text?.text) texts.push(block.text.text);
  for (const f of block.fields ?? []) texts.push(f.text);
  for (const e of block.elements ?? []) if (typeof e.text === 'string') texts.push(e.text);
  return texts;
}

type Surface = 'message' | 'view';

function blockProblems(b: Block, i: number): string[] {
  if (b.type === 'header' && (b.text?.text ?? '').length > LIMITS.headerText) return [`block ${i}: header over ${LIMITS.headerText} characters`];
  if (b.type === 'section' && (b.text?.text ?? '').length > LIMITS.sectionText) return [`block ${i}: section over ${LIMITS.sectionText} characters`];
  if (b.type === 'context' && textOf(b).join('').length > LIMITS.contextText) return [`block ${i}: context over ${LIMITS.contextText} characters`];
  return [];
}

/** Every limit a payload breaks; empty when Slack would accept it. */
export function limitProblems(payload: { blocks?: Block[]; text?: string }, surface: Surface = 'message'): string[] {
  const problems: string[] = [];
  const blocks = payload.blocks ?? [];
  const max = surface === 'message' ? LIMITS.messageBlocks : LIMITS.viewBlocks;
  if (surface === 'message' && !payload.text) problems.push('no plain text fallback');
  if (blocks.length > max) problems.push(`${blocks.length} blocks (at most ${max})`);
  problems.push(...blocks.flatMap(blockProblems));
  const total = blocks.flatMap(textOf).join('').length;
  if (surface === 'message' && total > LIMITS.messageChars) problems.push(`${total} characters of block text (at most ${LIMITS.messageChars})`);
  return problems;
}

/** A header or section with its text cut to Slack's limit (a mrkdwn section at a line); other blocks as they are. */
export function cutTexts(b: Block, locale: Locale = 'en'): Block {
  if (b.type === 'header' && b.text) return { ...b, text: { ...b.text, text: cut(b.text.text, LIMITS.headerText) } };
  if (b.type === 'section' && b.text) {
    const text: string = b.text.text;
    return { ...b, text: { ...b.text, text: b.text.type === 'mrkdwn' ? cutSection(text, LIMITS.sectionText, locale) : cut(text, LIMITS.sectionText) } };
  }
  return b;
}

/**
 * Makes a payload fit: long texts cut (mrkdwn at a line, "…and N more"; plain text with "…"),
 * and blocks past the limits replaced by a line "…and N more" (with a link to the rest, when
 * there is one).
 */
export function fit<T extends { blocks: Block[] }>(payload: T, surface: Surface = 'message', moreUrl?: string, locale: Locale = 'en'): T {
  const blocks = payload.blocks.map((b) => cutTexts(b, locale));
  const max = (surface === 'message' ? LIMITS.messageBlocks : LIMITS.viewBlocks) - 1;
  let kept = blocks.slice(0, max);
  // 200 characters left for the "…and N more" line.
  const budget = LIMITS.messageChars - 200;
  while (surface === 'message' && kept.length > 1 && kept.flatMap(textOf).join('').length > budget) kept = kept.slice(0, -1);
  const dropped = blocks.length - kept.length;
  if (dropped > 0) {
    const t = slackText(locale);
    const more = moreUrl ? t('moreSeeAll', { count: dropped, url: moreUrl }) : t('more', { count: dropped });
    kept.push({ type: 'context', elements: [{ type: 'mrkdwn', text: more }] });
  }
  return { ...payload, blocks: kept };
}

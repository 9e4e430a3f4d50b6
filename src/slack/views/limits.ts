/** Slack's documented limits, and what makes a payload keep to them. */

export const LIMITS = { messageBlocks: 50, viewBlocks: 100, sectionText: 3000, headerText: 150, contextText: 2000, messageChars: 12_000 };

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

/** `s` cut to at most `max` characters, with "…" when it was longer. */
export const cut = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

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

/** A header or section with its text cut to Slack's limit; other blocks as they are. */
function cutTexts(b: Block): Block {
  if (b.type === 'header' && b.text) return { ...b, text: { ...b.text, text: cut(b.text.text, LIMITS.headerText) } };
  if (b.type === 'section' && b.text) return { ...b, text: { ...b.text, text: cut(b.text.text, LIMITS.sectionText) } };
  return b;
}

/**
 * Makes a payload fit: long texts cut with "…", and blocks past the limits replaced by a line
 * "…and N more" (with a link to the rest, when there is one).
 */
export function fit<T extends { blocks: Block[] }>(payload: T, surface: Surface = 'message', moreUrl?: string): T {
  const blocks = payload.blocks.map(cutTexts);
  const max = (surface === 'message' ? LIMITS.messageBlocks : LIMITS.viewBlocks) - 1;
  let kept = blocks.slice(0, max);
  // 200 characters left for the "…and N more" line.
  const budget = LIMITS.messageChars - 200;
  while (surface === 'message' && kept.length > 1 && kept.flatMap(textOf).join('').length > budget) kept = kept.slice(0, -1);
  const dropped = blocks.length - kept.length;
  if (dropped > 0) {
    const more = `…and ${dropped} more${moreUrl ? `: <${moreUrl}|see all>` : ''}`;
    kept.push({ type: 'context', elements: [{ type: 'mrkdwn', text: more }] });
  }
  return { ...payload, blocks: kept };
}

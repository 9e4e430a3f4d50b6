import type { CompiledConfig } from '../compile.js';
import { readAdf } from '../ticket/adf.js';
import { parseStory } from './parse-story.js';

/** What the Fix-it modal collects. */
export interface StoryFix {
  role: string;
  goal: string;
  benefit: string;
  /** "Success: …" line; empty to leave the ticket's own. */
  metric: string;
  /** A design or recording link; empty for none. */
  visualsUrl: string;
}

type AdfNode = { type: string; content?: AdfNode[]; text?: string; attrs?: Record<string, unknown>; marks?: unknown[] };

const article = (role: string): string => (/^[aeiou]/i.test(role) ? 'an' : 'a');

export function storySentence(fix: StoryFix): string {
  const goal = fix.goal.trim().replace(/^to\s+/i, '');
  return `As ${article(fix.role)} ${fix.role.trim()}, I want to ${goal}, so that ${fix.benefit.trim().replace(/[.\s]+$/, '')}.`;
}

const successLine = (metric: string): string => (/^success\s*:/i.test(metric.trim()) ? metric.trim() : `Success: ${metric.trim()}`);

function textOfNode(node: AdfNode): string {
  return readAdf({ type: 'doc', version: 1, content: [node] })
    .blocks.map((b) => b.text)
    .join('\n');
}

const paragraph = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });
const text = (value: string, marks?: unknown[]): AdfNode => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });

/** Inline media of a node, which must survive when the node is replaced. */
function inlineMedia(node: AdfNode): AdfNode[] {
  return (node.content ?? []).flatMap((c) => (c.type === 'mediaInline' ? [c] : inlineMedia(c)));
}

/**
 * Rewrites only the story part of an ADF description: the top-level node holding the story is
 * replaced, a "Success:" paragraph replaced or added, a design link added. Every other node
 * (media above all: Jira deletes an attachment whose media node disappears) is kept as it was.
 */
export function rewriteAdfStory(doc: unknown, fix: StoryFix, compiled: CompiledConfig): Record<string, unknown> {
  const original = (doc && typeof doc === 'object' ? doc : { type: 'doc', version: 1, content: [] }) as { type: string; version: number; content?: AdfNode[] };
  const content = [...(original.content ?? [])];
  const story = paragraph(text(storySentence(fix)));
  const at = content.findIndex((node) => node.type !== 'mediaSingle' && node.type !== 'mediaGroup' && parseStory([textOfNode(node)], compiled) !== null);
  if (at >= 0) {
    const keep = inlineMedia(content[at]!);
    content.splice(at, 1, keep.length > 0 ? { ...story, content: [...story.content!, text(' '), ...keep] } : story);
  } else {
    content.unshift(story);
  }
  if (fix.metric.trim()) {
    const line = paragraph(text(successLine(fix.metric)));
    const existing = content.findIndex((node) => node.type === 'paragraph' && /^\s*success\s*:/i.test(textOfNode(node)) && inlineMedia(node).length === 0);
    if (existing >= 0) content.splice(existing, 1, line);
    else content.push(line);
  }
  if (fix.visualsUrl.trim()) {
    content.push(paragraph(text('Design: '), text(fix.visualsUrl.trim(), [{ type: 'link', attrs: { href: fix.visualsUrl.trim() } }])));
  }
  return { ...original, type: 'doc', version: 1, content };
}

/** The same for wiki markup (Jira Data Center): paragraphs are separated by blank lines. */
export function rewriteWikiStory(wiki: string | null | undefined, fix: StoryFix, compiled: CompiledConfig): string {
  const paragraphs = (wiki ?? '').split(/\n\s*\n/);
  const at = paragraphs.findIndex((p) => !/^\s*!/.test(p) && parseStory([p], compiled) !== null);
  if (at >= 0) paragraphs.splice(at, 1, storySentence(fix));
  else paragraphs.unshift(storySentence(fix));
  if (fix.metric.trim()) {
    const existing = paragraphs.findIndex((p) => /^\s*success\s*:/i.test(p));
    if (existing >= 0) paragraphs.splice(existing, 1, successLine(fix.metric));
    else paragraphs.push(successLine(fix.metric));
  }
  if (fix.visualsUrl.trim()) paragraphs.push(`Design: [${fix.visualsUrl.trim()}]`);
  return paragraphs.filter((p) => p.trim() !== '').join('\n\n');
}

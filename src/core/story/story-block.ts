import type { CompiledConfig } from '../compile.js';
import { jobStoryRange, locateStory, type JobScope } from './parse-story.js';

/** A block of a description as a rewriter holds it: its text, and whether it is a heading. */
export interface ProseBlock {
  text: string;
  heading: boolean;
}

/** The block that holds the story lint reports, and whether a job story written there is read as one. */
export interface StoryBlock {
  index: number;
  jobReadable: boolean;
}

/**
 * Which block holds the description's story as lint reads it: the blocks joined by line breaks, a
 * job story only where lint looks for one (see jobStoryRange). Fix it must rewrite that story and no
 * other: a "When I click Pay, I need …" under "Steps to reproduce" is a bug's step, which lint does
 * not report and Fix it must not overwrite. Null when the description holds no story.
 */
export function storyBlock(blocks: readonly ProseBlock[], compiled: CompiledConfig): StoryBlock | null {
  let text = '';
  const starts: number[] = [];
  for (const block of blocks) {
    starts.push(text.length);
    text += `${block.text}\n`;
  }
  let scope: JobScope | undefined;
  const scopeOf = (): JobScope => (scope ??= jobStoryRange(blocks.map((b) => ({ kind: b.heading ? 'heading' : 'paragraph', text: b.text })), compiled));
  const found = locateStory(text, compiled, scopeOf);
  if (!found) return null;
  let index = 0;
  while (index + 1 < starts.length && starts[index + 1]! <= found.start) index++;
  const range = scopeOf();
  return { index, jobReadable: range !== null && !blocks[index]!.heading && starts[index]! < range.end };
}

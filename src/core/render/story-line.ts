import type { Story } from '../types.js';

/** The story as one readable line, in the words the ticket used. */
export function storyLine(story: Story): string {
  const benefit = story.benefit ? ` → ${story.benefit}` : '';
  return `${story.role}: ${story.goal}${benefit}`;
}

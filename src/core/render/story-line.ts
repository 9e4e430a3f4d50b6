import type { Story } from '../types.js';

/** The story as one readable line, in the words the ticket used. */
export function storyLine(story: Story): string {
  const benefit = story.benefit ? ` → ${story.benefit}` : '';
  const who = story.name ? `${story.role} (${story.name})` : story.role;
  return `${who}: ${story.goal}${benefit}`;
}

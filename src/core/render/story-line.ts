import type { Story } from '../types.js';

/**
 * Who the story is for, as a report shows it: the role (with the name it was given), or for a job
 * story, which names no role, its situation ("When I'm re-ordering supplies at the end of a shift").
 */
export function storyWho(story: Story): string {
  if (story.kind === 'job') return `When ${story.situation ?? ''}`;
  return story.name ? `${story.role} (${story.name})` : story.role;
}

/** The story as one readable line, in the words the ticket used: "who: goal → benefit". */
export function storyLine(story: Story): string {
  const benefit = story.benefit ? ` → ${story.benefit}` : '';
  return `${storyWho(story)}: ${story.goal}${benefit}`;
}

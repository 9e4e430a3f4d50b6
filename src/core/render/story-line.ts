import type { Story } from '../types.js';
import { DEFAULT_VOCABULARY } from '../vocab/index.js';

/**
 * "When", "Wenn", "Cuando": the first situation marker of the story's language that is a plain word
 * (no pattern), capitalised; English "When" for a language without one. Derived, not stored: a
 * report keeps only the situation, and its language says how the ticket opened it.
 */
function situationWord(language: string): string {
  const plain = DEFAULT_VOCABULARY[language]?.situationMarkers.find((m) => /^\p{L}+$/u.test(m));
  return plain ? plain.charAt(0).toUpperCase() + plain.slice(1) : 'When';
}

/**
 * Who the story is for, as a report shows it: the role (with the name it was given), or for a job
 * story, which names no role, its situation in the ticket's language ("Wenn ich am Ende der Schicht …").
 */
export function storyWho(story: Story): string {
  if (story.kind === 'job') return `${situationWord(story.language)} ${story.situation ?? ''}`;
  return story.name ? `${story.role} (${story.name})` : story.role;
}

/** The story as one readable line, in the words the ticket used: "who: goal → benefit". */
export function storyLine(story: Story): string {
  const benefit = story.benefit ? ` → ${story.benefit}` : '';
  return `${storyWho(story)}: ${story.goal}${benefit}`;
}

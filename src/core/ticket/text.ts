/**
 * The most of one sentence or line a rule or the parser hands to a regular expression. Jira allows
 * 32,767 characters in a field, all of them on one line if the writer likes; a real sentence, or
 * the line a story stands on, is far shorter. The cap makes a pattern's work per sentence a
 * constant, so a lint grows with the length of the text and no faster, whatever the text holds.
 */
export const MAX_SENTENCE_CHARS = 2_000;

/** Trailing blanks off every line, linearly (a regex like /[ \t]+\n/ is quadratic on long blank runs). */
export function trimLines(text: string): string {
  return (text.includes('\n') ? text.split('\n').map((l) => l.trimEnd()).join('\n') : text).trim();
}

/** Trailing blanks off every line, linearly (a regex like /[ \t]+\n/ is quadratic on long blank runs). */
export function trimLines(text: string): string {
  return (text.includes('\n') ? text.split('\n').map((l) => l.trimEnd()).join('\n') : text).trim();
}

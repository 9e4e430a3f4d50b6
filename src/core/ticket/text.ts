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

/**
 * Pictographs people put in front of a line as a marker ("⭐ As a ward clerk…", "✅ Given…"):
 * emoji with their variation selectors, skin tones, joiners and keycaps, and flags (not ©, ®, ™,
 * which stand in prose).
 */
const PICTOGRAPH = '(?:(?![\\u00a9\\u00ae\\u2122])\\p{Extended_Pictographic}|[\\p{Emoji_Modifier}\\p{Regional_Indicator}\\u200d\\ufe0f\\u20e3])';
const LEADING_PICTOGRAPHS = new RegExp(`^\\s*${PICTOGRAPH}(?:${PICTOGRAPH}|\\s){0,40}`, 'u');
const ONE_PICTOGRAPH = new RegExp(`^${PICTOGRAPH}`, 'u');

/** Whether any line opens with one: only each line's first character is looked at, as most text has none. */
function anyLineOpensWithPictograph(text: string): boolean {
  for (let start = 0; ; ) {
    let at = start;
    while (text[at] === ' ' || text[at] === '\t') at++;
    const code = text.codePointAt(at);
    if (code !== undefined && code > 0xa8 && ONE_PICTOGRAPH.test(String.fromCodePoint(code))) return true;
    const next = text.indexOf('\n', at);
    if (next === -1) return false;
    start = next + 1;
  }
}

/**
 * A line that opens with a label (pictographs here; a reader adds its own: a status lozenge, a
 * mention) followed by a word, with the label on a line of its own. A label is not part of the
 * sentence after it, and a line start is where every reader of the text (story parser, criteria
 * headings, Given/When/Then) looks for a sentence to begin; the label's text is kept.
 */
export function breakAfterLabel(label: string, rest: string): string {
  const after = rest.trimStart();
  if (!label.trim()) return rest;
  // "DRAFT: As a…" or "@Priya, …": the punctuation already ends the label. Emphasis or a quote
  // ("*As a…*") opens the sentence, and goes on the new line with it.
  if (!after || /^[,.:;!?)\]\-–—|>]/u.test(after)) return `${label.trimEnd()}${rest.startsWith(' ') && after ? ' ' : ''}${after}`;
  return `${label.trimEnd()}\n${after}`;
}

/** Every line of a text with its leading pictographs set apart (see breakAfterLabel). */
export function breakLeadingPictographs(text: string): string {
  if (!anyLineOpensWithPictograph(text)) return text;
  return text
    .split('\n')
    .map((line) => {
      const m = LEADING_PICTOGRAPHS.exec(line);
      return m ? breakAfterLabel(m[0], line.slice(m[0].length)) : line;
    })
    .join('\n');
}

/** Inputs built to make a parser backtrack: unclosed markup, long runs, repeated markers. */
export const HOSTILE_DESCRIPTIONS: Record<string, string> = {
  'unclosed bold': '*x '.repeat(33_000),
  'unclosed italic': '_a b'.repeat(25_000),
  'unclosed links': '[a|'.repeat(33_000),
  'unclosed images': '!a'.repeat(50_000),
  'unclosed URLs': '[http://x'.repeat(11_000),
  'unclosed monospace': '{{'.repeat(50_000),
  'unclosed colours': '{color:'.repeat(14_000),
  'role markers': 'As a '.repeat(20_000),
  // A role marker with no goal marker in reach: each was tried with every role length up to 150.
  'dash role markers': ' As - '.repeat(17_000),
  'colon role markers': 'As: '.repeat(25_000),
  'story markers': 'As a x, I want '.repeat(7_000),
  // Role and goal markers whose goal is empty: each searched its whole line for a benefit.
  'empty goals': `${'As - '.repeat(30)}x I want. `.repeat(620),
  'role then blanks': `As a x${' '.repeat(100_000)}I want y`,
  'role then dashes': `As a x${'-'.repeat(100_000)}`,
  'blank run': `As a x, I want ${' '.repeat(100_000)}y`,
  'comma run': `As a x, I want y${','.repeat(100_000)}z`,
  'dash run after goal': `As a x, I want y${' -'.repeat(50_000)}`,
  'sentence ends': `As a x, I want y so that ${'. '.repeat(50_000)}`,
  'benefit markers': `As a x, I want y ${'so that '.repeat(12_000)}`,
  'German um … zu': `Als x möchte ich y ${'um '.repeat(33_000)}`,
  // Fix it placed the story by parsing the rest of the text from every "as" that opened one: quadratic.
  'mid-sentence stories': `${'z as a q, I want w '.repeat(5_000)}. As a nurse, I want a list so that I plan.`,
  'numbers': `${'1.'.repeat(50_000)} conversion`,
  // Within Jira's 32,767 characters: a metric term then a run of digits was quadratic in the target pattern (10 s and more).
  'metric then digits': `As a nurse, I want a plan so that I rest. conversion ${'1'.repeat(32_000)}`,
  'digits then unit': `${'9'.repeat(32_000)}x conversion`,
  'metric sentences of digits': `conversion ${'1'.repeat(3_000)}. `.repeat(33),
  'metric terms': 'conversion '.repeat(9_000),
  'metric heads': 'rate '.repeat(20_000),
  'given when then lines': '\ngiven when then'.repeat(6_000),
  'table pipes': '|'.repeat(100_000),
  'empty table cells': '\n|'.repeat(50_000),
  'table rows': '\n|a|b|'.repeat(16_000),
  'list items': '\n* '.repeat(33_000),
  'deep list markers': `${'*'.repeat(100_000)} x`,
  'blank lines': '\n'.repeat(100_000),
  'code tags': '{code}'.repeat(16_000),
  'macro soup': '{panel}{quote}{color:red}x'.repeat(4_000),
  'panel lines': '{panel}\n'.repeat(12_500),
  'mentions': '[~admin]'.repeat(12_500),
  'escaped markup': '\\*'.repeat(50_000),
  'backslashes': '\\'.repeat(100_000),
  'entities': '&#92;'.repeat(20_000),
  'one long URL': `https://${'a'.repeat(100_000)}`,
  'many URLs': 'https://a.example/b '.repeat(5_000),
};

type Node = Record<string, unknown>;
const text = (value: string): Node => ({ type: 'text', text: value });
const para = (...content: Node[]): Node => ({ type: 'paragraph', content });
const doc = (...content: Node[]): Node => ({ type: 'doc', version: 1, content });

function nested(depth: number): Node {
  let node: Node = para(text('As a night nurse, I want a list so that I plan.'));
  for (let i = 0; i < depth; i++) node = { type: i % 2 ? 'bulletList' : 'listItem', content: [node] };
  return doc(node);
}

const cell = (value: string): Node => ({ type: 'tableCell', attrs: {}, content: [para(text(value))] });

/** The same for ADF (Jira Cloud): structure rather than text. */
export const HOSTILE_DOCUMENTS: Record<string, Node> = {
  'deep nesting': nested(2_000),
  'wide table': doc({ type: 'table', attrs: {}, content: Array.from({ length: 1_000 }, () => ({ type: 'tableRow', content: Array.from({ length: 5 }, () => cell('As - ')) })) }),
  'text in pieces': doc(para(...Array.from({ length: 20_000 }, (_, i) => (i % 2 ? { type: 'hardBreak' } : text('As - '))))),
  'mentions and cards': doc(para(...Array.from({ length: 10_000 }, (_, i) => (i % 2 ? { type: 'mention', attrs: { id: 'a', text: '@As a' } } : { type: 'inlineCard', attrs: { url: `https://x.example/${i}` } })))),
  'many paragraphs': doc(...Array.from({ length: 10_000 }, () => para(text('As a x, I want.')))),
};

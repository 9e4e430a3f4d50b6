/** Inputs built to make a parser backtrack: unclosed markup, long runs, repeated markers. */
export const HOSTILE_DESCRIPTIONS: Record<string, string> = {
  'unclosed bold': '*x '.repeat(33_000),
  'unclosed italic': '_a b'.repeat(25_000),
  'unclosed links': '[a|'.repeat(33_000),
  'unclosed images': '!a'.repeat(50_000),
  'unclosed URLs': '[http://x'.repeat(11_000),
  'unclosed monospace': '{{'.repeat(50_000),
  'role markers': 'As a '.repeat(20_000),
  'story markers': 'As a x, I want '.repeat(7_000),
  'blank run': `As a x, I want ${' '.repeat(100_000)}y`,
  'comma run': `As a x, I want y${','.repeat(100_000)}z`,
  'sentence ends': `As a x, I want y so that ${'. '.repeat(50_000)}`,
  'numbers': `${'1.'.repeat(50_000)} conversion`,
  // Within Jira's 32,767 characters: a metric term then a run of digits was quadratic in the target pattern (10 s and more).
  'metric then digits': `As a nurse, I want a plan so that I rest. conversion ${'1'.repeat(32_000)}`,
  'digits then unit': `${'9'.repeat(32_000)}x conversion`,
  'metric terms': 'conversion '.repeat(9_000),
  'metric heads': 'rate '.repeat(20_000),
  'table pipes': '|'.repeat(100_000),
  'list items': '\n* '.repeat(33_000),
  'code tags': '{code}'.repeat(16_000),
  'one long URL': `https://${'a'.repeat(100_000)}`,
};

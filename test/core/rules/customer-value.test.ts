import { describe, expect, it } from 'vitest';
import { finding } from '../../helpers/lint.js';

describe('customer-value', () => {
  it.each(['so that I can pay later', 'in order to pay later', 'so I can pay later'])('passes with "%s"', (benefit) => {
    expect(finding('customer-value', `As a shopper, I want to save my basket ${benefit}.`)).toBeUndefined();
  });

  it('fails with the parsed role and goal in the hint', () => {
    expect(finding('customer-value', 'As a night nurse, I want to see my ward.')).toEqual({
      rule: 'customer-value',
      severity: 'error',
      message: 'The story says who (night nurse) and what, but not why: no "so that …" benefit.',
      hint: 'After "see my ward", add ", so that <what this lets the night nurse do or stop worrying about>".',
      link: 'https://github.com/centric-bot/centric/blob/main/README.md#customer-value',
    });
  });
});

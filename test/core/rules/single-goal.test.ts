import { describe, expect, it } from 'vitest';
import { finding } from '../../helpers/lint.js';

const story = (goal: string) => `As a shopper, I want to ${goal} so that I find gifts.`;

describe('single-goal', () => {
  it.each(['compare prices of phones and tablets', 'view active and anonymous users', 'search products by name or brand'])('passes for one goal: "%s"', (goal) => {
    expect(finding('single-goal', story(goal))).toBeUndefined();
  });

  it.each([
    ['search and filter products', ['search', 'filter products']],
    ['create a list and to share it', ['create a list', 'share it']],
    ['save my basket or pay now', ['save my basket', 'pay now']],
    ['add items, remove items and export the list', ['add items, remove items', 'export the list']],
  ])('warns for several goals: "%s"', (goal, parts) => {
    expect(finding('single-goal', story(goal))).toEqual({
      rule: 'single-goal',
      severity: 'warn',
      message: `The story asks for ${parts.length} things at once: ${parts.map((p) => `"${p}"`).join(', ')}.`,
      hint: `Split it into one ticket per goal (${parts.map((p) => `"${p}"`).join(', ')}), each with its own "so that".`,
      link: 'https://github.com/centric-bot/centric/blob/main/README.md#single-goal',
    });
  });
});

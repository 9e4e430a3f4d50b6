import { describe, expect, it } from 'vitest';
import { finding } from '../../helpers/lint.js';

describe('story-format', () => {
  it('passes when a role and a goal are found, in the summary or the description', () => {
    expect(finding('story-format', 'As a nurse, I want to see my ward.')).toBeUndefined();
    expect(finding('story-format', null, { summary: 'As a nurse, I want to see my ward' })).toBeUndefined();
  });

  it('fails as an error naming the summary when there is no story', () => {
    expect(finding('story-format', 'Upgrade the SDK.', { summary: 'Upgrade SDK' })).toEqual({
      rule: 'story-format',
      severity: 'error',
      message: 'No user story found: the ticket does not say who it is for and what they want.',
      hint: 'Start the description with "As a <who exactly>, I want <what>, so that <why it matters to them>": who needs "Upgrade SDK", and why?',
      link: 'https://github.com/centric-bot/centric/blob/main/README.md#story-format',
    });
  });

  it('does not read a story inside a code block', () => {
    expect(finding('story-format', '{code}As a user, I want X so that Y{code}')?.severity).toBe('error');
  });
});

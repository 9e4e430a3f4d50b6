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

  it.each([
    ['As a <persona>, I want <goal> so that <benefit>.', 'the role, the goal and the benefit are placeholders'],
    ['As a [type of user], I want to export my shifts so that I can plan.', 'the role is a placeholder'],
    ['As a …, I want …', 'the role and the goal are placeholders'],
    ['Als <Rolle> möchte ich <Ziel>, damit <Nutzen>.', 'the role, the goal and the benefit are placeholders'],
    ['Como enfermera, quiero <objetivo> para planificar.', 'the goal is a placeholder'],
    ['En tant que <persona>, je veux exporter mes plannings.', 'the role is a placeholder'],
    ['Come {ruolo}, voglio esportare i turni.', 'the role is a placeholder'],
    ['Als verpleegkundige wil ik <doel> zodat ik kan plannen.', 'the goal is a placeholder'],
    ['Como <persona>, quero exportar meus turnos.', 'the role is a placeholder'],
  ])('says an unfilled template is not filled in: %s', (text, slots) => {
    expect(finding('story-format', text)?.message).toBe(`The story template is not filled in: ${slots}.`);
  });

  it("fits the hint to what the template already says", () => {
    expect(finding('story-format', 'As a night nurse, I want <goal>.')?.hint).toMatch(/^Say what the night nurse wants instead of the placeholder: "As a night nurse, I want <what>/);
    expect(finding('story-format', 'As a <persona>, I want to export my shifts.')?.hint).toBe(
      'Replace the role placeholder with who exactly needs this: "As a <who exactly>, I want export my shifts, so that <why it matters to them>".',
    );
  });
});


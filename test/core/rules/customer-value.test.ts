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

  it.each([
    ['As a night nurse, I want to export my shifts so that TBD', 'The benefit "TBD" is a placeholder: it does not say what the night nurse gains.'],
    ['As a night nurse, I want to export my shifts so that it works.', 'The benefit "it works" is a placeholder: it does not say what the night nurse gains.'],
    ['As a night nurse, I want to export my shifts so that ?', 'The benefit "?" is a placeholder: it does not say what the night nurse gains.'],
    ['Als Nachtschwester möchte ich meine Schichten exportieren, damit es funktioniert.', 'The benefit "es funktioniert" is a placeholder: it does not say what the Nachtschwester gains.'],
    ['Como enfermera, quiero exportar mis turnos con el fin de: por definir', 'The benefit "por definir" is a placeholder: it does not say what the enfermera gains.'],
    ["En tant qu'infirmière, je veux exporter mes plannings afin de : à définir", 'The benefit "à définir" is a placeholder: it does not say what the infirmière gains.'],
    ['Come infermiera, voglio esportare i turni in modo da: da definire', 'The benefit "da definire" is a placeholder: it does not say what the infermiera gains.'],
    ['Als verpleegkundige wil ik mijn diensten exporteren zodat: nog te bepalen', 'The benefit "nog te bepalen" is a placeholder: it does not say what the verpleegkundige gains.'],
    ['Como enfermeira, quero exportar meus turnos para que: a definir', 'The benefit "a definir" is a placeholder: it does not say what the enfermeira gains.'],
  ])('says a placeholder benefit is one, not that there is none: %s', (text, message) => {
    const found = finding('customer-value', text);
    expect(found?.message).toBe(message);
    expect(found?.hint).toMatch(/^Replace ".+" with what ".+" lets the .+ do or stop worrying about\.$/);
  });

  it('says a template with a placeholder benefit is not filled in', () => {
    expect(finding('customer-value', 'As a <persona>, I want <goal> so that <benefit>.')?.message).toBe(
      'The story template is not filled in: its benefit "<benefit>" is a placeholder.',
    );
  });
});


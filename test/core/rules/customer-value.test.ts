import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { lintIssue } from '../../../src/core/lint.js';
import { issue } from '../../helpers/issues.js';
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


describe('customer-value: a weak benefit says what is weak, as a warning', () => {
  const link = 'https://github.com/centric-bot/centric/blob/main/README.md#customer-value';

  it.each([
    ['As a night nurse, I want to export my shifts as CSV so that I can export my shifts as CSV.', 'I can export my shifts as CSV', 'night nurse', 'export my shifts as CSV'],
    ['Als Nachtschwester möchte ich meine Schichten als CSV exportieren, damit ich meine Schichten als CSV exportieren kann.', 'ich meine Schichten als CSV exportieren kann', 'Nachtschwester', 'meine Schichten als CSV exportieren'],
    ['Como enfermera quiero exportar mis turnos para que pueda exportar mis turnos.', 'pueda exportar mis turnos', 'enfermera', 'exportar mis turnos'],
    ["En tant qu'infirmière, je veux exporter mes plannings afin de pouvoir exporter mes plannings.", 'pouvoir exporter mes plannings', 'infirmière', 'exporter mes plannings'],
    ['Come infermiera voglio esportare i turni così che possa esportare i turni.', 'possa esportare i turni', 'infermiera', 'esportare i turni'],
    ['Als verpleegkundige wil ik mijn diensten exporteren zodat ik mijn diensten kan exporteren.', 'ik mijn diensten kan exporteren', 'verpleegkundige', 'mijn diensten exporteren'],
    ['Como enfermeira quero exportar meus plantões para que eu possa exportar meus plantões.', 'eu possa exportar meus plantões', 'enfermeira', 'exportar meus plantões'],
  ])('a benefit that restates the goal: %s', (text, benefit, role, goal) => {
    expect(finding('customer-value', text)).toEqual({
      rule: 'customer-value',
      severity: 'warn',
      message: `The benefit "${benefit}" only restates the goal: it does not say what the ${role} gains by it.`,
      hint: `Say what "${goal}" lets the ${role} do next, or stop worrying about.`,
      link,
    });
  });

  it.each([
    ['As a night nurse, I want to export my shifts so that the code is cleaner.', 'the code is cleaner', 'code'],
    ['As a night nurse, I want to export my shifts so that the backend is consistent.', 'the backend is consistent', 'backend'],
    ['Als Nachtschwester möchte ich meine Schichten exportieren, damit das System schneller ist.', 'das System schneller ist', 'system'],
    ['Como enfermera quiero exportar mis turnos para que el sistema sea más rápido.', 'el sistema sea más rápido', 'sistema'],
    ["En tant qu'infirmière, je veux exporter mes plannings afin que le code soit plus propre.", 'le code soit plus propre', 'code'],
    ['Come infermiera voglio esportare i turni così che il sistema sia più veloce.', 'il sistema sia più veloce', 'sistema'],
    ['Als verpleegkundige wil ik mijn diensten exporteren zodat het systeem sneller is.', 'het systeem sneller is', 'systeem'],
    ['Como enfermeira quero exportar meus plantões para que o sistema seja mais rápido.', 'o sistema seja mais rápido', 'sistema'],
  ])('a benefit about the system, not the person: %s', (text, benefit, subject) => {
    const found = finding('customer-value', text);
    expect(found?.severity).toBe('warn');
    expect(found?.message).toMatch(new RegExp(`^The benefit "${benefit}" is about the ${subject}, not the .+: it does not say what the .+ gains\\.$`));
    expect(found?.hint).toMatch(/^Say what the .+ notices once ".+" is done: what they can do, or stop worrying about\.$/);
  });

  it.each([
    'As a night nurse, I want to export my shifts so that I can plan my week.',
    'As a night nurse, I want to export my shifts so that the system shows me my week.',
    'As a night nurse, I want to export my shifts so that my team sees who is on call.',
    'As a developer, I want to split the billing module so that the code is easier to change.',
    'As a night nurse, I want to see my shifts so that I can see my shifts on my phone.',
  ])('a benefit for the person is no weak one: %s', (text) => {
    expect(finding('customer-value', text)).toBeUndefined();
  });

  it('a weak benefit costs half the rule, a missing one all of it', () => {
    const score = (d: string) => lintIssue(issue(d), DEFAULT_CONFIG).score!;
    const base = 'As a night nurse, I want to export my shifts';
    expect(score(`${base} so that I can export my shifts.`)).toBeGreaterThan(score(`${base}.`));
    expect(score(`${base} so that I can export my shifts.`)).toBeLessThan(score(`${base} so that I can plan my week.`));
  });
});

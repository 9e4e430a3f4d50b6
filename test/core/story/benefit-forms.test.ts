import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/core/compile.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { parseStory } from '../../../src/core/story/parse-story.js';
import { doc, heading, para, text } from '../../helpers/issues.js';
import { finding } from '../../helpers/lint.js';

const compiled = compile(DEFAULT_CONFIG);
const parse = (...texts: string[]) => parseStory(texts, compiled);

describe('benefits in every form', () => {
  it.each([
    ['es', 'Como enfermera quiero ver mis turnos para no olvidar ninguna guardia.', 'ver mis turnos', 'no olvidar ninguna guardia'],
    ['es', 'Como enfermera quiero ver mis turnos para que no se me olvide ninguna guardia.', 'ver mis turnos', 'no se me olvide ninguna guardia'],
    ['es', 'Como enfermera quiero ver mis turnos para evitar guardias dobles.', 'ver mis turnos', 'evitar guardias dobles'],
    ['es', 'Como enfermera quiero un aviso para no olvidar ninguna guardia.', 'un aviso', 'no olvidar ninguna guardia'],
    ['fr', "En tant qu'infirmière, je veux voir mes plannings pour préparer ma semaine.", 'voir mes plannings', 'préparer ma semaine'],
    ['fr', "En tant qu'infirmière, je veux voir mes plannings pour que ma semaine soit prévisible.", 'voir mes plannings', 'ma semaine soit prévisible'],
    ['fr', "En tant qu'infirmière, je veux voir mes plannings pour ne pas oublier une garde.", 'voir mes plannings', 'ne pas oublier une garde'],
    ['fr', "En tant qu'infirmière, je veux une alerte pour ne pas oublier une garde.", 'une alerte', 'ne pas oublier une garde'],
    ['fr', "En tant qu'infirmière, je veux me connecter pour l'imprimer le jour même.", 'me connecter', "l'imprimer le jour même"],
    ['fr', "En tant qu'infirmière, je veux changer mon créneau, afin d'être présente.", 'changer mon créneau', 'être présente'],
    ['it', 'Come infermiera voglio vedere i miei turni per non dimenticare una guardia.', 'vedere i miei turni', 'non dimenticare una guardia'],
    ['it', 'Come infermiera voglio vedere i miei turni affinché la settimana sia prevedibile.', 'vedere i miei turni', 'la settimana sia prevedibile'],
    ['pt', 'Como enfermeira quero ver meus plantões para não esquecer nenhum.', 'ver meus plantões', 'não esquecer nenhum'],
    ['pt', 'Como enfermeira quero ver meus plantões para que não esqueça nenhum.', 'ver meus plantões', 'não esqueça nenhum'],
    ['de', 'Als Pflegekraft möchte ich meine Schichten sehen, damit ich die Übergabe nicht verpasse.', 'meine Schichten sehen', 'ich die Übergabe nicht verpasse'],
    ['de', 'Als Pflegekraft möchte ich meine Schichten sehen, um nicht zu spät zu kommen.', 'meine Schichten sehen', 'nicht zu spät zu kommen'],
    ['de', 'Als Pflegekraft möchte ich meine Schichten sehen, um Zeit einzusparen.', 'meine Schichten sehen', 'Zeit einzusparen'],
    ['nl', 'Als verpleegkundige wil ik mijn diensten zien om niet te laat te komen.', 'mijn diensten zien', 'niet te laat te komen'],
    ['nl', 'Als verpleegkundige wil ik mijn diensten zien zodat ik niets mis.', 'mijn diensten zien', 'ik niets mis'],
    ['en', "As a nurse, I want to see my shifts so that I don't miss one.", 'see my shifts', "I don't miss one"],
    ['en', "As a nurse, I want to see my shifts so I won't miss one.", 'see my shifts', "I won't miss one"],
    ['en', 'As a nurse, I want to see my shifts to avoid double bookings.', 'see my shifts', 'avoid double bookings'],
    ['en', 'As a nurse, I want a reminder to prevent missed shifts.', 'a reminder', 'prevent missed shifts'],
    ['en', 'As a nurse, I want to see my shifts in order not to miss one.', 'see my shifts', 'not to miss one'],
  ])('%s: %s', (language, sentence, goal, benefit) => {
    expect(parse(sentence)).toEqual({ kind: 'user', role: expect.any(String), goal, benefit, language });
    expect(finding('customer-value', sentence)).toBeUndefined();
  });

  it('a marker that opens the goal is the goal\'s verb, not a benefit: "I want to avoid double bookings"', () => {
    expect(parse('As a nurse, I want to avoid double bookings.')).toMatchObject({ goal: 'avoid double bookings', benefit: null });
  });

  // A purpose clause after a noun phrase says what the thing is for, not what the person gains:
  // "je veux un bouton pour exporter" asks for an export button and leaves the why open.
  it.each([
    ['fr', "En tant qu'infirmière, je veux un bouton pour exporter mes plannings.", 'un bouton pour exporter mes plannings'],
    ['es', 'Como enfermera quiero un botón para exportar mis turnos.', 'un botón para exportar mis turnos'],
    ['pt', 'Como enfermeira quero um botão para exportar meus plantões.', 'um botão para exportar meus plantões'],
    ['it', 'Come infermiera voglio un pulsante per esportare i turni.', 'un pulsante per esportare i turni'],
  ])('%s: a purpose clause after a noun phrase is part of the goal: %s', (_lang, sentence, goal) => {
    expect(parse(sentence)).toMatchObject({ goal, benefit: null });
    expect(finding('customer-value', sentence)?.message).toMatch(/^The story says who \(.+\) and what, but not why/);
  });
});

/** Per language: a story without a benefit, a benefit label, and what follows it. */
const WHY: Array<[string, string, string, string]> = [
  ['en', 'As a night nurse, I want to see free beds.', 'Why', 'I can admit patients sooner'],
  ['en', 'As a night nurse, I want to see free beds.', 'Benefit', 'I can admit patients sooner'],
  ['de', 'Als Nachtschwester möchte ich freie Betten sehen.', 'Warum', 'Patienten werden schneller aufgenommen'],
  ['de', 'Als Nachtschwester möchte ich freie Betten sehen.', 'Nutzen', 'Patienten werden schneller aufgenommen'],
  ['es', 'Como enfermera quiero ver las camas libres.', 'Por qué', 'ingreso pacientes antes'],
  ['es', 'Como enfermera quiero ver las camas libres.', 'Beneficio', 'ingreso pacientes antes'],
  ['fr', "En tant qu'infirmière, je veux voir les lits libres.", 'Pourquoi', "j'admets les patients plus vite"],
  ['it', 'Come infermiera voglio vedere i letti liberi.', 'Perché', 'ricovero i pazienti prima'],
  ['nl', 'Als verpleegkundige wil ik vrije bedden zien.', 'Waarom', 'ik neem patiënten sneller op'],
  ['pt', 'Como enfermeira quero ver os leitos livres.', 'Por quê', 'interno pacientes mais cedo'],
];

describe('a "Why:" line or section gives the benefit of a story that has none', () => {
  it.each(WHY)('%s: "%s" + %s', (language, story, label, why) => {
    const colon = language === 'fr' ? ' :' : ':';
    for (const description of [
      `${story}\n${label}${colon} ${why}.`,
      `${story}\n\n${label}${colon}\n${why}.`,
      `${story}\n\nh3. ${label}\n${why}.`,
      `${story}\n\n*${label}${colon}* ${why}.`,
      doc(para(text(story)), heading(label), para(text(`${why}.`))),
      doc(para(text(story)), para(text(`${label}${colon}`, [{ type: 'strong' }]), text(` ${why}.`))),
    ]) {
      expect(finding('customer-value', description)).toBeUndefined();
    }
    expect(parse('Ticket', `${story}\n${label}${colon} ${why}.`)).toMatchObject({ language, benefit: why });
  });

  it('"¿Por qué?" and a leading "so that" inside the section', () => {
    expect(parse('Como enfermera quiero ver las camas libres.\n¿Por qué?\nIngreso pacientes antes.')?.benefit).toBe('Ingreso pacientes antes');
    expect(parse('As a nurse, I want to see free beds.\nWhy: so that I can admit patients sooner.')?.benefit).toBe('I can admit patients sooner');
  });

  it('a label followed by another section, or a label inside a sentence, gives nothing', () => {
    expect(parse('As a nurse, I want to see free beds.\nWhy:\nAcceptance criteria:\n* Given a bed')?.benefit).toBeNull();
    expect(parse('As a nurse, I want to see free beds. Why: admissions are slow.')?.benefit).toBeNull();
    expect(parse('As a nurse, I want to see free beds.\nWhy do we need this now? Ask the ward.')?.benefit).toBeNull();
  });

  it('a benefit clause in the sentence wins over the section', () => {
    expect(parse('As a nurse, I want to see free beds so that I admit sooner.\nWhy: the ward asked.')?.benefit).toBe('I admit sooner');
  });

  it('a placeholder section is a placeholder benefit, and says so', () => {
    expect(finding('customer-value', 'As a night nurse, I want to see free beds.\nWhy: TBD')?.message).toBe(
      'The benefit "TBD" is a placeholder: it does not say what the night nurse gains.',
    );
  });

  it('a section with no story still says why: no "no benefit stated"', () => {
    expect(finding('customer-value', 'Free beds on the ward board.\n\nWhy: nurses admit patients sooner.')).toBeUndefined();
    expect(finding('customer-value', 'Free beds on the ward board.')?.message).toBe('No benefit stated: the ticket does not say why this matters to the customer.');
  });
});

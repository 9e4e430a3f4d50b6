import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/core/compile.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { findTemplate, parseStory } from '../../../src/core/story/parse-story.js';

const compiled = compile(DEFAULT_CONFIG);

describe('an unfilled template is not a story', () => {
  it.each([
    ['en', 'As a <persona>, I want <goal> so that <benefit>.', ['role', 'goal', 'benefit']],
    ['en', 'As a [type of user], I want to export my shifts so that I can plan.', ['role']],
    ['en', 'As a {role}, I want to export my shifts.', ['role']],
    ['en', 'As a nurse, I want < some goal > so that I can plan.', ['goal']],
    ['en', 'As a nurse, I want to <action>, so that I can plan.', ['goal']],
    ['en', 'As a …, I want …', ['role', 'goal']],
    ['en', 'As a ..., I want ..., so that ...', ['role', 'goal', 'benefit']],
    ['en', 'As a TBD, I want to export my shifts so that I can plan.', ['role']],
    ['de', 'Als <Rolle> möchte ich <Ziel>, damit <Nutzen>.', ['role', 'goal', 'benefit']],
    ['de', 'Als [Nutzertyp] möchte ich meine Schichten exportieren, damit ich plane.', ['role']],
    ['es', 'Como <rol>, quiero <objetivo> para que <beneficio>.', ['role', 'goal', 'benefit']],
    ['es', 'Como …, quiero …', ['role', 'goal']],
    ['fr', 'En tant que <persona>, je veux <objectif> afin de <bénéfice>.', ['role', 'goal', 'benefit']],
    ['it', 'Come [tipo di utente], voglio esportare i turni per pianificare.', ['role']],
    ['nl', 'Als {rol} wil ik <doel> zodat <voordeel>.', ['role', 'goal', 'benefit']],
    ['pt', 'Como <persona>, eu quero <objetivo> para que <benefício>.', ['role', 'goal', 'benefit']],
    ['pt', 'Como a definir, quero exportar meus turnos para planejar.', ['role']],
  ])('%s: %s', (language, text, slots) => {
    expect(parseStory([text], compiled)).toBeNull();
    const template = findTemplate(text, compiled);
    expect(template?.story.language).toBe(language);
    expect(template?.placeholders).toEqual(slots);
  });

  it('passes over a template to the story written after it, and keeps a bracketed word among real words', () => {
    const story = parseStory(['As a <persona>, I want <goal>.\nAs a night nurse, I want to see my ward so that I can plan.'], compiled);
    expect(story?.role).toBe('night nurse');
    expect(parseStory(['As a nurse, I want to see the [Draft] badge on my shifts so that I can plan.'], compiled)?.goal).toBe('see the [Draft] badge on my shifts');
  });
});

describe('a placeholder benefit is no benefit', () => {
  it.each([
    ['en', 'As a nurse, I want to export my shifts so that TBD', 'TBD'],
    ['en', 'As a nurse, I want to export my shifts so that TODO - ask the ward lead.', 'TODO - ask the ward lead'],
    ['en', 'As a nurse, I want to export my shifts so that it works.', 'it works'],
    ['en', 'As a nurse, I want to export my shifts so that …', '…'],
    ['en', 'As a nurse, I want to export my shifts so that ?', '?'],
    ['de', 'Als Pflegekraft möchte ich meine Schichten exportieren, damit es funktioniert.', 'es funktioniert'],
    ['de', 'Als Pflegekraft möchte ich meine Schichten exportieren, damit: noch offen', 'noch offen'],
    ['es', 'Como enfermera, quiero exportar mis turnos para que todo funcione.', 'todo funcione'],
    ['es', 'Como enfermera, quiero exportar mis turnos con el fin de: por definir', 'por definir'],
    ['fr', "En tant qu'infirmière, je veux exporter mes plannings afin de : à définir", 'à définir'],
    ['fr', "En tant qu'infirmière, je veux exporter mes plannings pour que ça marche.", 'ça marche'],
    ['it', "Come infermiera, voglio esportare i turni in modo da: da definire", 'da definire'],
    ['it', 'Come infermiera, voglio esportare i turni così che funzioni.', 'funzioni'],
    ['nl', 'Als verpleegkundige wil ik mijn diensten exporteren zodat: nog te bepalen', 'nog te bepalen'],
    ['nl', 'Als verpleegkundige wil ik mijn diensten exporteren zodat het werkt.', 'het werkt'],
    ['pt', 'Como enfermeira, quero exportar meus turnos para que: a definir', 'a definir'],
    ['pt', 'Como enfermeira, quero exportar meus turnos para que tudo funcione.', 'tudo funcione'],
  ])('%s: %s', (language, text, written) => {
    const story = parseStory([text], compiled);
    expect(story?.language).toBe(language);
    expect(story?.benefit).toBeNull();
    const template = findTemplate(text, compiled);
    expect(template?.placeholders).toEqual(['benefit']);
    expect(template?.benefitAsWritten).toBe(written);
  });

  it('prefers a story with a real benefit over one whose benefit is a placeholder; a benefit that only starts like one is real', () => {
    expect(parseStory(['As a nurse, I want to export my shifts so that TBD', 'As a nurse, I want to export my shifts so that I can plan my week.'], compiled)?.benefit).toBe('I can plan my week');
    expect(parseStory(['As a nurse, I want to export my shifts so that it works with the ward printer.'], compiled)?.benefit).toBe('it works with the ward printer');
  });
});

import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/core/compile.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { parseStory } from '../../../src/core/story/parse-story.js';
import { storySpan } from '../../../src/core/story/story-span.js';

const compiled = compile(DEFAULT_CONFIG);
const spanned = (text: string) => {
  const span = storySpan(text, compiled);
  return span && text.slice(span.start, span.end);
};

describe('the span of a story with a placeholder benefit covers the placeholder', () => {
  it.each([
    'As a night nurse, I want to export my shifts so that TBD.',
    'Als Nachtschwester möchte ich meine Schichten exportieren, damit es funktioniert.',
    'Como enfermera, quiero exportar mis turnos para que todo funcione.',
    "En tant qu'infirmière, je veux exporter mes plannings pour que ça marche.",
    'Come infermiera, voglio esportare i turni così che funzioni.',
    'Als verpleegkundige wil ik mijn diensten exporteren zodat het werkt.',
    'Como enfermeira, quero exportar meus turnos para que tudo funcione.',
  ])('%s', (story) => {
    // The benefit is no benefit, yet a rewrite of the span must replace it, not leave it behind.
    expect(parseStory([story], compiled)?.benefit).toBeNull();
    expect(spanned(`Context first.\n${story}\nMore notes.`)).toBe(story);
  });
});

import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/core/compile.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { parseStory } from '../../../src/core/story/parse-story.js';

const compiled = compile(DEFAULT_CONFIG);

/** Each opener, then a real story on the next line: the opener is passed over, the story is read. */
describe('openers that name no person are not roles', () => {
  it.each([
    ['en', 'As a follow-up to the last sprint, I want to add a CSV export.', 'As a night nurse, I want to export my shifts so that I can plan.', 'night nurse'],
    ['en', 'As a reminder, we need to keep the old export.', 'As a night nurse, I want to export my shifts so that I can plan.', 'night nurse'],
    ['en', 'As a first step, I want to add a CSV export.', 'As a night nurse, I want to export my shifts so that I can plan.', 'night nurse'],
    ['en', 'As an example, I want to see last week.', 'As a night nurse, I want to export my shifts so that I can plan.', 'night nurse'],
    ['en', 'As a workaround for the outage, we need a CSV export.', 'As a night nurse, I want to export my shifts so that I can plan.', 'night nurse'],
    ['de', 'Als Erinnerung möchte ich den alten Export behalten.', 'Als Nachtschwester möchte ich meine Schichten exportieren, damit ich plane.', 'nachtschwester'],
    ['de', 'Als ersten Schritt möchte ich einen CSV-Export.', 'Als Nachtschwester möchte ich meine Schichten exportieren, damit ich plane.', 'nachtschwester'],
    ['de', 'Als Workaround brauche ich einen CSV-Export.', 'Als Nachtschwester möchte ich meine Schichten exportieren, damit ich plane.', 'nachtschwester'],
    ['es', 'Como recordatorio, quiero mantener la exportación antigua.', 'Como enfermera de noche, quiero exportar mis turnos para planificar.', 'enfermera de noche'],
    ['es', 'Como primer paso, quiero una exportación CSV.', 'Como enfermera de noche, quiero exportar mis turnos para planificar.', 'enfermera de noche'],
    ['es', 'Como solución temporal, necesito una exportación CSV.', 'Como enfermera de noche, quiero exportar mis turnos para planificar.', 'enfermera de noche'],
    ['fr', 'En tant que premier pas, je veux un export CSV.', "En tant qu'infirmière de nuit, je veux exporter mes plannings afin de m'organiser.", 'infirmière de nuit'],
    ['fr', "En tant qu'exemple, je veux voir la semaine dernière.", "En tant qu'infirmière de nuit, je veux exporter mes plannings afin de m'organiser.", 'infirmière de nuit'],
    ['it', 'Come promemoria, voglio mantenere la vecchia esportazione.', 'Come infermiera di notte, voglio esportare i turni per pianificare.', 'infermiera di notte'],
    ['it', 'Come primo passo, voglio un export CSV.', 'Come infermiera di notte, voglio esportare i turni per pianificare.', 'infermiera di notte'],
    ['nl', 'Als herinnering wil ik de oude export houden.', 'Als nachtverpleegkundige wil ik mijn diensten exporteren zodat ik kan plannen.', 'nachtverpleegkundige'],
    ['nl', 'Als tijdelijke oplossing wil ik een CSV-export.', 'Als nachtverpleegkundige wil ik mijn diensten exporteren zodat ik kan plannen.', 'nachtverpleegkundige'],
    ['pt', 'Como lembrete, quero manter a exportação antiga.', 'Como enfermeira noturna, quero exportar meus turnos para planejar.', 'enfermeira noturna'],
    ['pt', 'Como primeiro passo, quero uma exportação CSV.', 'Como enfermeira noturna, quero exportar meus turnos para planejar.', 'enfermeira noturna'],
  ])('%s: %s', (language, opener, story, role) => {
    expect(parseStory([opener], compiled)).toBeNull();
    const parsed = parseStory([`${opener}\n${story}`], compiled);
    expect(parsed?.role).toBe(role);
    expect(parsed?.language).toBe(language);
  });

  it('keeps roles that merely start with such a word, and drops a name-less "As a reminder"', () => {
    expect(parseStory(['As a bonus card holder, I want to see my points so that I can spend them.'], compiled)?.role).toBe('bonus card holder');
    expect(parseStory(['As a summary writer, I want to export the minutes so that I can compare them.'], compiled)?.role).toBe('summary writer');
    expect(parseStory(['As a reminder, I want to keep the old export.'], compiled)).toBeNull();
  });
});

import type { Vocabulary } from '../config-types.js';

export const it: Vocabulary = {
  roleMarkers: ['come'],
  relativePronouns: ['che', 'cui', 'quale'],
  nonRoles: [
    'promemoria', 'primo passo', 'prossimo passo', 'esempio', 'soluzione temporanea',
    'soluzione provvisoria', 'workaround', 'alternativa', 'seguito', 'follow-up', 'risultato',
    'conseguenza', 'complemento', 'prerequisito', 'riepilogo', 'nota',
  ],
  placeholders: [
    'tbd', 'todo', 'da definire', 'da decidere', 'da completare', 'xxx', 'ruolo', 'persona',
    'tipo di utente', 'obiettivo', 'beneficio', 'motivo', 'funzioni', 'che funzioni', 'funziona',
  ],
  articles: ['un', 'una', 'uno', 'il', 'lo', 'la', "l'", "un'"],
  goalMarkers: ['voglio', 'vorrei', 'desidero', 'ho\\s+bisogno\\s+di', 'devo\\s+poter'],
  benefitMarkers: [
    'in\\s+modo\\s+da', 'in\\s+modo\\s+che', 'così\\s+che', 'cosicché', 'affinché', 'al\\s+fine\\s+di',
    'per(?=\\s+\\p{L}+(?:are|ere|ire)(?:mi|ci|lo|la|li|le|si)?(?![\\p{L}]))',
  ],
  nonRolePhrases: ['come detto', 'come sempre', 'come previsto', 'come da', 'come concordato', 'come se'],
  genericRoles: ['utente', 'utenti', 'cliente', 'clienti', 'membro', 'amministratore', 'persona', 'visitatore', 'ospite'],
  vagueQualifiers: ['registrato', 'finale', 'normale', 'qualsiasi'],
  metricTerms: ['conversione', 'conversion', 'fidelizzazione', 'retention', 'abbandono', 'nps', 'soddisfazione', 'csat', 'tempo di caricamento', 'churn', 'valore medio'],
  metricHeads: ['tasso', 'tempo', 'punteggio'],
  metricHeadStopWords: [],
  targetWords: ['a', 'sotto', 'sopra', 'almeno', 'meno di', 'più di', 'entro', 'del', 'di', 'da'],
  units: ['%', 'per cento', 'punti', 'ms', 's', 'secondi', 'minuti', 'ore', 'giorni', '€'],
  acceptanceHeadings: ['criteri di accettazione', 'criterio di accettazione'],
  givenWhenThen: ['dato', 'quando', 'allora'],
  conjunctions: ['e', 'o'],
  goalVerbs: [],
};

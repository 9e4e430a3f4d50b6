import { checkIssue } from '../core/check-issue.js';
import type { CentricConfig } from '../core/config-types.js';
import type { Logger } from './logger.js';

/** A story with a metric in each built-in language: what the first lint of each language meets. */
const WARM_UP_STORIES = [
  'As a night nurse, I want the ward list on one page, so that I can plan my shift.\nSuccess: handover time from 20 min to 10 min within 4 weeks.',
  'Als Erstkäuferin möchte ich meine Wunschliste teilen, damit Freunde mir passende Geschenke kaufen.\nErfolg: Anteil geteilter Wunschlisten von 2% auf 5% in 8 Wochen.',
  "En tant qu'infirmière de nuit, je veux la liste du service sur une page, afin de planifier ma garde.\nSuccès : temps de relève de 20 min à 10 min en 4 semaines.",
  'Como enfermera de noche, quiero la lista de la planta en una página, para planificar mi turno.\nÉxito: tiempo de relevo de 20 min a 10 min en 4 semanas.',
  'Come infermiera di notte, voglio la lista del reparto in una pagina, così da pianificare il mio turno.\nSuccesso: tempo di consegna da 20 min a 10 min in 4 settimane.',
  'Als nachtverpleegkundige wil ik de afdelingslijst op één pagina, zodat ik mijn dienst kan plannen.\nSucces: overdrachtstijd van 20 min naar 10 min binnen 4 weken.',
  'Como enfermeira da noite, quero a lista da ala numa página, para que eu possa planear o meu turno.\nSucesso: tempo de passagem de 20 min para 10 min em 4 semanas.',
];

/**
 * The first lint of a process compiles the vocabularies' big Unicode regexes and builds lazy
 * tables (a few hundred milliseconds of one synchronous turn): done before the bot is ready, not
 * while the first webhooks wait behind it.
 */
export function warmUpLint(config: CentricConfig, logger: Logger): void {
  const started = performance.now();
  try {
    for (const [i, text] of WARM_UP_STORIES.entries()) {
      const description = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
      checkIssue({ key: `WARMUP-${i + 1}`, fields: { summary: 'Warm-up', description, issuetype: { name: 'Story' }, labels: [], attachment: [] } }, config);
    }
  } catch (err) {
    logger.warn({ err }, 'lint warm-up failed; the first lints will be slower'); // only a cost, never a reason not to start
  }
  logger.debug({ ms: Math.round(performance.now() - started) }, 'lint warmed up');
}

import type { Vocabulary } from '../config-types.js';

export const es: Vocabulary = {
  roleMarkers: ['como'],
  relativePronouns: ['que', 'quien', 'quienes', 'cual'],
  nonRoles: [
    'recordatorio', 'primer paso', 'siguiente paso', 'próximo paso', 'ejemplo', 'solución temporal',
    'solución provisional', 'alternativa', 'seguimiento', 'continuación', 'resultado',
    'consecuencia', 'complemento', 'requisito previo', 'resumen', 'nota',
  ],
  placeholders: [
    'tbd', 'todo', 'por definir', 'a definir', 'pendiente', 'por determinar', 'xxx', 'rol',
    'tipo de usuario', 'objetivo', 'beneficio', 'motivo', 'funcione', 'funcione bien',
    'que funcione', 'todo funcione',
  ],
  articles: ['un', 'una', 'el', 'la'],
  goalMarkers: [
    'yo\\s+quiero', 'quiero', 'deseo', 'necesito', 'me\\s+gustar[ií]a', 'quisiera', 'quiero\\s+poder',
  ],
  benefitMarkers: [
    'para\\s+que', 'con\\s+el\\s+fin\\s+de', 'de\\s+modo\\s+que', 'a\\s+fin\\s+de',
    'para(?=\\s+\\p{L}+(?:ar|er|ir)(?:me|nos|lo|la|los|las|se)?(?![\\p{L}]))',
  ],
  nonRolePhrases: ['como se', 'como por ejemplo', 'como siempre', 'como ya', 'como dijimos', 'como acordamos'],
  genericRoles: ['usuario', 'usuaria', 'usuarios', 'cliente', 'clientes', 'miembro', 'administrador', 'administradora', 'persona', 'visitante', 'invitado'],
  vagueQualifiers: ['registrado', 'registrada', 'normal', 'final', 'cualquier'],
  metricTerms: [
    'conversión', 'conversion', 'retención', 'abandono', 'nps', 'satisfacción', 'csat',
    'tasa de devolución', 'recompra', 'valor del pedido', 'clics', 'tiempo de carga', 'churn',
  ],
  metricHeads: ['tasa', 'tiempo', 'índice'],
  metricHeadStopWords: [],
  targetWords: ['a', 'por debajo de', 'por encima de', 'menos de', 'más de', 'al menos', 'hasta', 'de', 'en'],
  units: ['%', 'por ciento', 'puntos?', 'ms', 's', 'segundos?', 'minutos?', 'horas?', 'días?', '€'],
  acceptanceHeadings: ['criterios de aceptación', 'criterios de aceptacion', 'criterio de aceptación'],
  givenWhenThen: ['dado', 'cuando', 'entonces'],
  conjunctions: ['y', 'o'],
  goalVerbs: [],
};

import type { Vocabulary } from '../config-types.js';

export const pt: Vocabulary = {
  roleMarkers: ['como'],
  relativePronouns: ['que', 'quem', 'qual'],
  nonRoles: [
    'lembrete', 'primeiro passo', 'próximo passo', 'exemplo', 'solução temporária',
    'solução provisória', 'paliativo', 'alternativa', 'acompanhamento', 'continuação', 'resultado',
    'consequência', 'complemento', 'pré-requisito', 'resumo', 'observação',
  ],
  placeholders: [
    'tbd', 'todo', 'a definir', 'por definir', 'a determinar', 'pendente', 'xxx', 'papel',
    'persona', 'tipo de usuário', 'objetivo', 'benefício', 'motivo', 'funcione', 'que funcione',
    'tudo funcione',
  ],
  articles: ['um', 'uma', 'o', 'a'],
  goalMarkers: ['eu\\s+quero', 'quero', 'eu\\s+gostaria\\s+de', 'gostaria\\s+de', 'eu\\s+preciso', 'preciso', 'desejo', 'eu\\s+posso', 'posso'],
  benefitMarkers: [
    'para\\s+que', 'a\\s+fim\\s+de', 'de\\s+modo\\s+que', 'de\\s+forma\\s+que',
    'para(?=\\s+\\p{L}+(?:ar|er|ir)(?:-me|-nos|-lo|-la)?(?![\\p{L}]))',
  ],
  nonRolePhrases: ['como se', 'como sempre', 'como combinado', 'como por exemplo'],
  genericRoles: ['usuário', 'usuária', 'usuarios', 'usuários', 'utilizador', 'cliente', 'clientes', 'membro', 'administrador', 'pessoa', 'visitante', 'convidado'],
  vagueQualifiers: ['registrado', 'final', 'normal', 'qualquer'],
  metricTerms: ['conversão', 'retenção', 'abandono', 'churn', 'nps', 'satisfação', 'csat', 'tempo de carregamento', 'valor do pedido', 'ticket médio'],
  metricHeads: ['taxa', 'tempo', 'índice'],
  metricHeadStopWords: [],
  targetWords: ['para', 'abaixo de', 'acima de', 'pelo menos', 'no máximo', 'menos de', 'mais de', 'de', 'em'],
  units: ['%', 'por cento', 'pontos?', 'ms', 's', 'segundos?', 'minutos?', 'horas?', 'dias?', 'r\\$', '€'],
  acceptanceHeadings: ['critérios de aceitação', 'criterios de aceitacao', 'critério de aceitação'],
  givenWhenThen: ['dado', 'quando', 'então'],
  conjunctions: ['e', 'ou'],
  goalVerbs: [],
};

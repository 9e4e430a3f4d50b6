import type { en } from './en.js';

export const pt: Record<keyof typeof en, string> = {
  trendTitle: 'Foco no cliente de {scope}, {weeks, plural, one {última semana} other {últimas # semanas}}',
  trendX: 'Semana de',
  trendY: 'Pontuação e percentual de tickets (%)',
  score: 'Pontuação (0–100)',
  who: 'Quem: uma persona específica',
  what: 'O quê: uma história',
  why: 'Por quê: um benefício',
  how: 'Como saberemos: uma métrica',
  see: 'O que vão ver: recursos visuais',
  done: 'Critérios de aceitação',
  hitRate: 'Taxa de metas atingidas',
  legend: 'Séries',
  noData: 'Nenhum ticket foi analisado nessas semanas.',
  scoresTitle: 'Distribuição das pontuações de {count, plural, one {# ticket} other {# tickets}}',
  scoresX: 'Pontuação',
  scoresY: 'Número de tickets',
  rulesTitle: 'Percentual de tickets que cumprem cada regra',
  rulesX: 'Tickets que cumprem (%)',
  trendAlt: 'Gráfico de linhas: pontuação de foco no cliente de {scope} semana a semana e o percentual de tickets que responde a cada pergunta. Última pontuação: {latest}.',
  rulesY: 'Regra',
};

import type { en } from './en.js';

export const es: Record<keyof typeof en, string> = {
  trendTitle: 'Orientación al cliente de {scope}, {weeks, plural, one {última semana} other {últimas # semanas}}',
  trendX: 'Semana del',
  trendY: 'Puntuación y porcentaje de tickets (%)',
  score: 'Puntuación (0–100)',
  who: 'Quién: una persona concreta',
  what: 'Qué: una historia',
  why: 'Por qué: un beneficio',
  how: 'Cómo lo sabremos: una métrica',
  see: 'Qué verán: elementos visuales',
  done: 'Criterios de aceptación',
  hitRate: 'Tasa de acierto de resultados',
  legend: 'Series de datos',
  noData: 'No se revisó ningún ticket en estas semanas.',
  scoresTitle: 'Distribución de puntuaciones de {count, plural, one {# ticket} other {# tickets}}',
  scoresX: 'Puntuación',
  scoresY: 'Número de tickets',
  rulesTitle: 'Porcentaje de tickets que cumplen cada regla',
  rulesX: 'Tickets que la cumplen (%)',
  trendAlt: 'Gráfico de líneas: puntuación de orientación al cliente de {scope} semana a semana y el porcentaje de tickets que responde a cada pregunta. Última puntuación: {latest}.',
  rulesY: 'Regla',
};

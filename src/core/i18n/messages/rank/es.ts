import type { en } from './en.js';

/** The ranking's formula in Spanish: see en.ts. */
export const es: Record<keyof typeof en, string> = {
  formula: 'puntuación de cliente = beneficio × (1 + {evidence} × min(evidencia, {evidenceCap})) × (1 + {reach} × min(otras historias para la persona, {reachCap})) ÷ coste; negocio = valor de negocio ÷ coste',
};

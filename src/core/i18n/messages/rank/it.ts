import type { en } from './en.js';

/** The ranking's formula in Italian: see en.ts. */
export const it: Record<keyof typeof en, string> = {
  formula: 'punteggio cliente = beneficio × (1 + {evidence} × min(evidenze, {evidenceCap})) × (1 + {reach} × min(altre storie per la persona, {reachCap})) ÷ costo; business = valore di business ÷ costo',
};

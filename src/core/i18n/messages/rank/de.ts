import type { en } from './en.js';

/** The ranking's formula in German: see en.ts. */
export const de: Record<keyof typeof en, string> = {
  formula: 'Kundenpunktzahl = Nutzen × (1 + {evidence} × min(Belege, {evidenceCap})) × (1 + {reach} × min(weitere Storys für die Persona, {reachCap})) ÷ Aufwand; Business = Business Value ÷ Aufwand',
};

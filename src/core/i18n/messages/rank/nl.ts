import type { en } from './en.js';

/** The ranking's formula in Dutch: see en.ts. */
export const nl: Record<keyof typeof en, string> = {
  formula: 'klantscore = waarde × (1 + {evidence} × min(bewijs, {evidenceCap})) × (1 + {reach} × min(andere stories voor de persona, {reachCap})) ÷ kosten; business = bedrijfswaarde ÷ kosten',
};

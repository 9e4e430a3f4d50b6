import type { Catalog } from '../../translate.js';

/**
 * The ranking's formula (rank.ts formulaText), printed above the ranking so the room can
 * challenge it; the weights are centric.yml's, filled in as written. Plain text.
 */
export const en = {
  formula: 'customer score = benefit × (1 + {evidence} × min(evidence, {evidenceCap})) × (1 + {reach} × min(other stories for the persona, {reachCap})) ÷ cost; business = business value ÷ cost',
} as const satisfies Catalog;

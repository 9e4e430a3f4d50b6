import type { en } from './en.js';

/** The ranking's formula in French: see en.ts. */
export const fr: Record<keyof typeof en, string> = {
  formula: 'score client = bénéfice × (1 + {evidence} × min(preuves, {evidenceCap})) × (1 + {reach} × min(autres stories pour la persona, {reachCap})) ÷ coût\u202f; business = valeur business ÷ coût',
};

import type { en } from './en.js';

/** The ranking's formula in Portuguese: see en.ts. */
export const pt: Record<keyof typeof en, string> = {
  formula: 'pontuação do cliente = benefício × (1 + {evidence} × min(evidências, {evidenceCap})) × (1 + {reach} × min(outras histórias para a persona, {reachCap})) ÷ custo; negócio = valor de negócio ÷ custo',
};

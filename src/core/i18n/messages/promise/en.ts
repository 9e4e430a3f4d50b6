import type { Catalog } from '../../translate.js';

/**
 * The words around a metric promise's numbers (outcome/promise-text.ts): "checkout conversion
 * from 2.1% to 2.6% within 6 weeks". The metric's name and its timeframe are the ticket's own
 * words and stay as written. Plain text: each surface escapes the whole line.
 */
export const en = {
  fromTo: 'from {baseline} to {target}',
  to: 'to {target}',
} as const satisfies Catalog;

import type { en } from './en.js';

/** A metric promise's words in Portuguese: see en.ts. */
export const pt: Record<keyof typeof en, string> = {
  fromTo: 'de {baseline} para {target}',
  to: 'para {target}',
};

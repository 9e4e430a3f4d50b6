import type { en } from './en.js';

/** A metric promise's words in German: see en.ts. */
export const de: Record<keyof typeof en, string> = {
  fromTo: 'von {baseline} auf {target}',
  to: 'auf {target}',
};

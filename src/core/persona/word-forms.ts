/**
 * Words of a language and their inflected forms, looked up without a dictionary of every form:
 * "Kundinnen", "usuarias", "utilisatrices" and "usuari@" are read as the words they inflect.
 */

/** Shorter stems say too little: "car" is not "carer" less "er". */
const MIN_STEM = 3;

import { fold } from '../fold.js';

export { fold };

/**
 * A word is known when it is listed, or when it with one ending of its language swapped for another
 * (or dropped) is: "kundinnen" less "innen" is "kund", and "kunde" less "e" is too.
 */
export class WordForms<T> {
  /** Every form: the words as listed and their stems. */
  private readonly stems = new Map<string, Set<T>>();
  /** The words as listed, for reading a word only as written. */
  private readonly words = new Map<string, Set<T>>();

  /** `endings` are the language's inflection endings, folded. */
  constructor(private readonly endings: readonly string[]) {}

  add(word: string, value: T): void {
    const w = fold(word);
    this.put(this.words, w, value);
    this.put(this.stems, w, value);
    for (const e of this.endings) if (w.length - e.length >= MIN_STEM && w.endsWith(e)) this.put(this.stems, w.slice(0, -e.length), value);
  }

  /** What the word or one of its forms was added with; `exact` reads the word only as listed. */
  get(word: string, exact = false): Set<T> | undefined {
    if (exact) return this.words.get(word);
    const found = this.stems.get(word);
    if (found) return found;
    for (const e of this.endings) {
      if (word.length - e.length >= MIN_STEM && word.endsWith(e)) {
        const stem = this.stems.get(word.slice(0, -e.length));
        if (stem) return stem;
      }
    }
    return undefined;
  }

  has(word: string): boolean {
    return this.get(word) !== undefined;
  }

  private put(map: Map<string, Set<T>>, form: string, value: T): void {
    const set = map.get(form) ?? new Set<T>();
    set.add(value);
    map.set(form, set);
  }
}

import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { LOCALES, type Locale } from './locales.js';

/** One surface's messages in one language: ICU MessageFormat strings by key. */
export type Catalog = Record<string, string>;
/** A surface's messages in every language; English is the source and names the keys. */
export type Catalogs<C extends Catalog> = Record<Locale, Record<keyof C, string>>;
export type Values = Record<string, PrimitiveType>;
export type Translate<K extends string> = (key: K, values?: Values) => string;

const compiled = new Map<string, IntlMessageFormat>();

/** Compiled once per language and key: parsing a message costs far more than formatting it. */
function format(locale: Locale, key: string, message: string, values?: Values): string {
  const id = `${locale}\u0000${key}\u0000${message}`;
  let formatter = compiled.get(id);
  if (!formatter) {
    formatter = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
    compiled.set(id, formatter);
  }
  return String(formatter.format(values));
}

/**
 * The translate function of one surface in one language. A key missing in that language falls
 * back to English (the completeness test keeps that from shipping).
 */
export function translator<C extends Catalog>(catalogs: Catalogs<C>, locale: Locale): Translate<Extract<keyof C, string>> {
  const own = catalogs[locale];
  const english = catalogs.en;
  return (key, values) => {
    const message = own[key] ?? english[key];
    return format(own[key] === undefined ? 'en' : locale, key, message, values);
  };
}

/** Every language's catalog of a surface, for the completeness test. */
export const catalogLanguages = <C extends Catalog>(catalogs: Catalogs<C>): Array<[Locale, Record<keyof C, string>]> => LOCALES.map((l) => [l, catalogs[l]]);

/**
 * A surface's translate function per language, built once each: `textsOf(catalogs)('de')`.
 * English when no language is given.
 */
export function textsOf<C extends Catalog>(catalogs: Catalogs<C>): (locale?: Locale) => Translate<Extract<keyof C, string>> {
  const built = new Map<Locale, Translate<Extract<keyof C, string>>>();
  return (locale = 'en') => {
    let t = built.get(locale);
    if (!t) built.set(locale, (t = translator(catalogs, locale)));
    return t;
  };
}

import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { LOCALES, type Locale } from './locales.js';

/** One surface's messages in one language: ICU MessageFormat strings by key. */
export type Catalog = Record<string, string>;
/** A surface's messages in every language; English is the source and names the keys. */
export type Catalogs<C extends Catalog> = Record<Locale, Record<keyof C, string>>;
export type Values = Record<string, PrimitiveType>;
export type Translate<K extends string> = (key: K, values?: Values) => string;

/** One message of one language: compiled once, and its recent results (a lint formats the same ones over and over). */
interface Message {
  formatter: IntlMessageFormat;
  /** Results by their values (see resultKey); emptied when full, so it stays small. */
  results: Map<string, string>;
}

/** Results a message keeps, and the longest values key worth keeping one for (a long text is seldom seen twice). */
const MAX_RESULTS = 32;
const MAX_KEY_CHARS = 240;

/**
 * intl-messageformat asks ICU which of all its locales it supports for every locale it is given;
 * the first such question lists ICU's locales (~15 ms of every `centric lint`). Ours are always one
 * of the seven, which Node's ICU supports, so the answer is the locale itself.
 */
IntlMessageFormat.resolveLocale = (locales) => new Intl.Locale(Array.isArray(locales) ? locales[0]! : (locales as string));

/** Parsing a message costs far more than formatting it: each is compiled once, in messagesOf's maps. */
const formatterOf = (locale: Locale, message: string): IntlMessageFormat => new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });

/**
 * The values as a key of a message's results: each name with its value, a number told apart from
 * a string (and -0 from 0); null (not kept) for any other value, or values too long to be seen twice.
 */
function resultKey(values: Values | undefined): string | null {
  if (!values) return '';
  let key = '';
  for (const name in values) {
    const value = values[name];
    // The length first: a value holding the separators cannot pass for two values.
    if (typeof value === 'string') key += `\u0000${name}\u0001${value.length}:${value}`;
    // -0 prints as "0" here but "-0" in the message.
    else if (typeof value === 'number' && !Object.is(value, -0)) key += `\u0000${name}\u0002${value}`;
    else return null;
  }
  return key.length <= MAX_KEY_CHARS ? key : null;
}

function format(message: Message, values?: Values): string {
  const key = resultKey(values);
  if (key === null) return String(message.formatter.format(values));
  let result = message.results.get(key);
  if (result === undefined) {
    result = String(message.formatter.format(values));
    if (message.results.size >= MAX_RESULTS) message.results.clear();
    message.results.set(key, result);
  }
  return result;
}

/** A language's messages of one catalog, by key: translators made again and again (per chart, per page) share them. */
const messageSets = new WeakMap<Catalog, Map<Locale, Map<string, Message>>>();

function messagesOf(own: Catalog, locale: Locale): Map<string, Message> {
  let byLocale = messageSets.get(own);
  if (!byLocale) messageSets.set(own, (byLocale = new Map()));
  let messages = byLocale.get(locale);
  if (!messages) byLocale.set(locale, (messages = new Map()));
  return messages;
}

/**
 * The translate function of one surface in one language. A key missing in that language falls
 * back to English (the completeness test keeps that from shipping).
 */
export function translator<C extends Catalog>(catalogs: Catalogs<C>, locale: Locale): Translate<Extract<keyof C, string>> {
  const own: Catalog = catalogs[locale];
  const english: Catalog = catalogs.en;
  const messages = messagesOf(own, locale);
  return (key, values) => {
    let message = messages.get(key);
    if (!message) {
      const text = own[key] ?? english[key]!;
      message = { formatter: formatterOf(own[key] === undefined ? 'en' : locale, text), results: new Map() };
      messages.set(key, message);
    }
    return format(message, values);
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

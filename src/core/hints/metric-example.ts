/**
 * An example success line for a ticket: a customer metric of its domain, moved in the right
 * direction and counted in the right unit ("patient wait time under 15 minutes", "churn −2
 * points", "NPS +10 points"), or the metric the ticket already names, in its own words.
 */
import type { DomainMetric } from '../config-schema.js';
import type { Locale } from '../i18n/locales.js';
import { EXAMPLE_WORDS, type ExampleWords } from './default-domains-i18n.js';
import { DEFAULT_DOMAINS, DEFAULT_TIMEFRAME, FALLBACK_DOMAIN } from './default-domains.js';
import type { Domain } from './domain.js';
import { compileKeywords, wordsOf, type KeywordMatcher } from './keyword-matcher.js';
import * as vocab from './metric-classes.js';
import type { MetricClass } from './metric-classes.js';

export type { MetricClass } from './metric-classes.js';

/** How an example moves a metric: its direction and unit, and a change or a target. */
export type MetricSpec = Omit<DomainMetric, 'name'>;

export interface MetricKind {
  metricClass: MetricClass;
  direction: DomainMetric['direction'];
  /** For a plain time ("Bearbeitungszeit") the domain decides; "percent" is then a relative change. */
  unit: DomainMetric['unit'];
}

/** A metric name longer than this is cut: it is quoted back in a hint. */
const MAX_NAME = 80;

type Group = 'nps' | 'goodDespite' | 'good' | 'badRate' | 'badEvent' | 'rate' | 'fast' | 'wait' | 'time';

const GROUPS: ReadonlyArray<readonly [Group, Record<string, string[]>]> = [
  ['nps', vocab.NPS_WORDS],
  ['goodDespite', vocab.GOOD_DESPITE_WORDS],
  ['good', vocab.GOOD_WORDS],
  ['badRate', vocab.BAD_RATE_WORDS],
  ['badEvent', vocab.BAD_EVENT_WORDS],
  ['rate', vocab.RATE_WORDS],
  ['fast', vocab.FAST_TIME_WORDS],
  ['wait', vocab.WAIT_TIME_WORDS],
  ['time', vocab.TIME_WORDS],
];

/** The example each class gives when the domain has no metric of that class. */
const CLASS_DEFAULTS: Record<MetricClass, Omit<MetricSpec, 'timeframe'>> = {
  nps: { direction: 'up', unit: 'points', change: 10 },
  good: { direction: 'up', unit: 'percent', change: 5 },
  'bad-rate': { direction: 'down', unit: 'points', change: 2 },
  'bad-count': { direction: 'down', unit: 'percent', change: 20 },
  'fast-time': { direction: 'down', unit: 'seconds', target: 2.5 },
  'wait-time': { direction: 'down', unit: 'minutes', target: 10 },
  // A time of unknown scale (a delivery takes days, a reply minutes): a relative change is always right.
  time: { direction: 'down', unit: 'percent', change: 20 },
};

const matchers = new Map<string, KeywordMatcher<Group>>();

/**
 * The class words of one language and English (tickets in every language say "NPS" or "Churn"),
 * or, with no language, of all of them.
 */
function matcherFor(language: string | undefined): KeywordMatcher<Group> {
  const key = language ?? '*';
  let matcher = matchers.get(key);
  if (!matcher) {
    const wanted = (code: string) => language === undefined || code === language || code === 'en';
    const entries = GROUPS.flatMap(([group, byLanguage]) =>
      Object.entries(byLanguage).flatMap(([code, words]) => (wanted(code) ? words.map((w) => [w, group] as const) : [])),
    );
    matcher = compileKeywords(entries);
    matchers.set(key, matcher);
  }
  return matcher;
}

const TIME_GROUPS = new Set<Group>(['fast', 'wait', 'time']);

/**
 * The class of a metric from its words. A time word at either end is the head of the name
 * ("complaint handling time", "tempo di attesa", "Reaktionszeit") and makes it a time even when a
 * bad event is named too; otherwise a bad event wins over a good word ("conversion errors").
 */
function classOf(words: string[], matcher: KeywordMatcher<Group>): MetricClass | null {
  const found = new Set<Group>();
  let timeHead = false;
  const last = words.length - 1;
  matcher.scan(words, ({ tag }, at) => {
    found.add(tag);
    if (TIME_GROUPS.has(tag) && (at === 0 || at === last)) timeHead = true;
  });
  if (found.has('nps')) return 'nps';
  if (found.has('goodDespite')) return 'good';
  const time = (): MetricClass => (found.has('fast') ? 'fast-time' : found.has('wait') ? 'wait-time' : 'time');
  if (timeHead) return time();
  if (found.has('badRate')) return 'bad-rate';
  if (found.has('badEvent')) return found.has('rate') ? 'bad-rate' : 'bad-count';
  if (found.has('good')) return 'good';
  if (found.has('fast') || found.has('wait') || found.has('time')) return time();
  return null;
}

const metricClassCache = new Map<string, MetricClass | null>();

function metricClassOf(name: string, language: string | undefined): MetricClass | null {
  const key = `${language ?? '*'}\u0000${name}`;
  if (metricClassCache.has(key)) return metricClassCache.get(key)!;
  const words = wordsOf(name.slice(0, MAX_NAME));
  let found = language ? classOf(words, matcherFor(language)) : null;
  found ??= classOf(words, matcherFor(undefined));
  // Names come from config and tickets: keep the cache from growing without bound.
  if (metricClassCache.size > 1000) metricClassCache.clear();
  metricClassCache.set(key, found);
  return found;
}

/**
 * Which way a named metric should move and what it is counted in, from its words in the
 * ticket's language (and English); null when its words say neither.
 */
export function classifyMetric(name: string, language?: string): MetricKind | null {
  const metricClass = metricClassOf(name, language);
  if (!metricClass) return null;
  const { direction, unit } = CLASS_DEFAULTS[metricClass];
  return { metricClass, direction, unit };
}

const UNITS: Record<DomainMetric['unit'], [one: string, many: string]> = {
  percent: ['%', '%'],
  points: [' point', ' points'],
  seconds: [' s', ' s'],
  minutes: [' minute', ' minutes'],
  hours: [' hour', ' hours'],
  days: [' day', ' days'],
  count: ['', ''],
  currency: [' €', ' €'],
};

/**
 * "name +3% within 6 weeks", "name −2 points …", "name under 15 minutes …", "name at least 80% …";
 * with `words`, number, unit and words as that language writes them ("unter 2,5 s innerhalb …").
 */
function render(name: string, spec: MetricSpec, words?: ExampleWords): string {
  const value = spec.change ?? spec.target ?? 0;
  const unit = (words?.units ?? UNITS)[spec.unit][value === 1 ? 0 : 1];
  const amount = `${words ? String(value).replace('.', words.decimal) : value}${unit}`;
  const timeframe = localTimeframe(spec.timeframe, words);
  if (spec.change !== undefined) {
    // U+2212 reads as a minus; a bare count keeps ASCII "-", the one a target is recognised by.
    const sign = spec.direction === 'up' ? '+' : spec.unit === 'count' ? '-' : (words?.minus ?? '−');
    return `${name} ${sign}${amount} ${timeframe}`;
  }
  const comparator = spec.direction === 'up' ? (words?.atLeast ?? 'at least') : (words?.under ?? 'under');
  return `${name} ${comparator} ${amount} ${timeframe}`;
}

/** The built-in time frame in the language; a team's own ("by Q3") as written. */
const localTimeframe = (timeframe: string, words: ExampleWords | undefined): string => words?.timeframes[timeframe] ?? timeframe;

/** A built-in metric's name in the language; a team's own, or the ticket's, as written. */
const localName = (name: string, words: ExampleWords | undefined): string => words?.metrics[name] ?? name;

const GENERIC_METRICS = DEFAULT_DOMAINS[FALLBACK_DOMAIN]!.metrics;

const metricsOf = (domain: Domain): DomainMetric[] => (domain.metrics.length > 0 ? domain.metrics : GENERIC_METRICS);

const timeframeOf = (domain: Domain): string => metricsOf(domain)[0]?.timeframe ?? DEFAULT_TIMEFRAME;

/** Heads every metric may have: sharing one says nothing about being the same metric. */
const HEADS = new Set(['rate', 'rates', 'time', 'times', 'score', 'ratio', 'share', 'average', 'mean', 'median', 'percentage', 'number', 'count']);

/** Words of 4 letters or more but heads: what a metric name and a ticket share when they are about the same thing. */
const contentWords = (text: string): Set<string> => new Set(wordsOf(text.slice(0, 10_000)).filter((w) => w.length >= 4 && !HEADS.has(w)));

/** The content words of catalogue metric names, read once: every failing ticket compares them. */
const namesRead = new Map<string, Set<string>>();

function nameWords(name: string): Set<string> {
  let words = namesRead.get(name);
  if (!words) {
    // Names come from config: a bound keeps a catalogue edited at run time from growing the map.
    if (namesRead.size > 1000) namesRead.clear();
    namesRead.set(name, (words = contentWords(name)));
  }
  return words;
}

/** The ticket's text and then a metric name are compared in turn: the last two texts' words are kept. */
const textsRead: Array<{ text: string; words: Set<string> }> = [];

function textWords(text: string): Set<string> {
  const known = textsRead.find((t) => t.text === text);
  if (known) return known.words;
  const words = contentWords(text);
  textsRead.unshift({ text, words });
  if (textsRead.length > 2) textsRead.pop();
  return words;
}

/** The metric sharing most words with the text, and how many; the first (most typical) on a tie. */
function closestMetric(metrics: DomainMetric[], text: string | undefined): [DomainMetric | undefined, number] {
  if (!text || metrics.length === 0) return [metrics[0], 0];
  const words = textWords(text);
  let best = metrics[0];
  let bestScore = 0;
  for (const metric of metrics) {
    let score = 0;
    for (const w of nameWords(metric.name)) if (words.has(w)) score++;
    if (score > bestScore) [best, bestScore] = [metric, score];
  }
  return [best, bestScore];
}

/** Classes whose unit is a scale the domain sets (seconds on a page, minutes on a ward). */
const SCALED_CLASSES = new Set<MetricClass>(['fast-time', 'wait-time']);

const specOf = (m: DomainMetric): MetricSpec => ({ direction: m.direction, unit: m.unit, change: m.change, target: m.target, timeframe: m.timeframe });

/**
 * How the domain measures a metric of this class. A load or wait time takes the scale of the
 * domain's own ("Wartezeit" on a ward: its 15 minutes); a plain time ("Reaktionszeit") the
 * domain's time sharing a word with it, else its wait time, never a load time (a delivery is
 * not counted in seconds). A rate or count takes a domain metric's numbers only when it shares a
 * word with it ("error rate" and "export error rate"): a ward's unfilled-shift rate says nothing
 * about its churn.
 */
function domainSpec(domain: Domain, kind: MetricKind, name: string): MetricSpec | null {
  // The catalogue's names are English (or the team's own words): read in every language.
  const ofClass = (c: MetricClass) => domain.metrics.filter((m) => m.direction === kind.direction && metricClassOf(m.name, undefined) === c);
  const [same, shared] = closestMetric(ofClass(kind.metricClass), name);
  if (same && (shared > 0 || SCALED_CLASSES.has(kind.metricClass))) return specOf(same);
  const [wait] = kind.metricClass === 'time' ? closestMetric(ofClass('wait-time'), name) : [undefined];
  return wait ? specOf(wait) : null;
}

export interface MetricExampleOptions {
  /** The metric the ticket already names, as written ("Reaktionszeit", "taux de conversion"). */
  metricName?: string;
  /** The ticket's language (en, de…): its metric words are read first. */
  language?: string;
  /** The ticket's text: of the domain's metrics, the one closest to it is proposed. */
  text?: string;
  /** The language the example is written in (the findings'): English when absent. */
  locale?: Locale;
}

/**
 * An example target line: "patient wait time under 15 minutes within 3 months of go-live".
 * With `metricName`, that metric in the ticket's own words, moved the way its words say is
 * better ("Abbruchquote −2 points within a quarter"); a name whose words say nothing gets
 * "<name> from <today> to <target> …". Plain text around the ticket's words, in `locale`
 * (English when absent): a built-in metric and time frame translated, a team's own as written.
 */
export function metricExample(domain: Domain, options: MetricExampleOptions = {}): string {
  const words = options.locale ? EXAMPLE_WORDS[options.locale] : undefined;
  const name = options.metricName?.slice(0, MAX_NAME * 2).replace(/\s+/g, ' ').trim().slice(0, MAX_NAME).trim();
  if (name) {
    const kind = classifyMetric(name, options.language);
    if (!kind) return `${name} ${words?.fromTo ?? 'from <today> to <target>'} ${localTimeframe(timeframeOf(domain), words)}`;
    const spec = domainSpec(domain, kind, name) ?? { ...CLASS_DEFAULTS[kind.metricClass], timeframe: timeframeOf(domain) };
    return render(name, spec, words);
  }
  // Matched on the English names: a built-in metric's words are English, and so is the fallback's.
  const [metric] = closestMetric(metricsOf(domain), options.text);
  return render(localName(metric!.name, words), specOf(metric!), words);
}

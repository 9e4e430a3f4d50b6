/**
 * centric.yml: its validation and every default, declared once. The defaults are the schema's
 * `.default()`s; DEFAULT_CONFIG is what the schema makes of an empty file, and a file is parsed,
 * never merged by hand: an object left out, or given in part, is filled in from its defaults.
 * Pure (zod only): the core derives its default configuration from it.
 */
import { z } from 'zod';
import { RULES, type Rule, type RuleId, type RuleOf } from './rules/index.js';
import type { RuleSetting } from './types.js';
import { DEFAULT_VOCABULARY } from './vocab/index.js';
import { DEFAULT_DOMAINS } from './hints/default-domains.js';
import { isKeyword } from './hints/keyword-matcher.js';
import { BUILT_IN_PROFILES, profileConflicts, withBuiltInProfiles } from './profiles.js';
import { journeySchema } from './journey/journey-schema.js';
import { LOCALES } from './i18n/locales.js';
import { PROJECT_KEY } from './jira-keys.js';

const regexSource = z.string().min(1).refine(
  (s) => {
    try {
      new RegExp(s, 'iu');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected a valid regular expression' },
);

const words = z.array(z.string().min(1));
/** Every field of the shape defaulting to its value in `defaults`. */
function withDefaults<S extends z.ZodRawShape>(shape: S, defaults: z.output<z.ZodObject<S>>): { [K in keyof S]: z.ZodDefault<S[K]> } {
  const entries = Object.entries(shape).map(([key, schema]) => [key, (schema as z.ZodType).default((defaults as Record<string, unknown>)[key])]);
  return Object.fromEntries(entries) as { [K in keyof S]: z.ZodDefault<S[K]> };
}

type Undefaulted<T> = T extends z.ZodDefault<infer Inner> ? Inner : T extends z.ZodPrefault<infer Inner> ? Inner : T;

/** Every field of the shape optional and without its default: what an override may say. */
function withoutDefaults<S extends z.ZodRawShape>(shape: S): { [K in keyof S]: z.ZodOptional<Undefaulted<S[K]>> } {
  const undefaulted = (s: z.ZodType): z.ZodType => (s instanceof z.ZodDefault || s instanceof z.ZodPrefault ? (s.unwrap() as z.ZodType) : s);
  const entries = Object.entries(shape).map(([key, schema]) => [key, undefaulted(schema as z.ZodType).optional()]);
  return Object.fromEntries(entries) as { [K in keyof S]: z.ZodOptional<Undefaulted<S[K]>> };
}

/** A Given, When or Then keyword, or alternatives of one joined by "|": none of them empty. */
const gwtWord = z.string().min(1).refine((w) => w.split('|').every((a) => a.trim() !== ''), 'expected a word, or words joined by | (such as gegeben|angenommen), none of them empty');

/**
 * Words and phrases of one language. Markers are regular-expression sources, matched
 * case-insensitively at word boundaries; the rest are plain words or phrases.
 */
export const vocabularySchema = z
  .object({
    /** "As a", "Als", "En tant que"… the article, when present, is stripped from the role. */
    roleMarkers: z.array(regexSource),
    /** "I want", "I'd like", "möchte ich"… */
    goalMarkers: z.array(regexSource),
    /** "so that", "in order to", "damit"… */
    benefitMarkers: z.array(regexSource),
    /** Phrases that start like a role marker but are not one: "As discussed", "As soon as"… */
    nonRolePhrases: words,
    /**
     * Words that open a role slot but name no person: "As a reminder", "Als Beispiel", "Como primer
     * paso". Matched at the start of the role, after its article.
     */
    nonRoles: words,
    /**
     * Words that open a relative clause after a role ("Als Pflegekraft, die nachts arbeitet"): where
     * they double as articles, the clause is not read as an appositive naming the role.
     */
    relativePronouns: words,
    /**
     * Words that hold a slot of the story without filling it: "TBD", "TODO", "à définir", and
     * benefits that say nothing ("it works"). A slot holding only one of them is not content.
     */
    placeholders: words,
    /** Articles stripped from the front of a role. */
    articles: words,
    /** Roles that say nothing about who the customer is when they stand alone. */
    genericRoles: words,
    /** Qualifiers that do not make a generic role specific ("end user", "regular user"). */
    vagueQualifiers: words,
    /**
     * Endings of feminine, plural, case and gender-inclusive forms ("in", "innen", "a", "os", "rice",
     * "@"): a word of a role, a qualifier or a synonym is also read with its ending swapped for
     * another one or dropped ("Kundinnen" is "Kunde", "usuari@" is "usuario").
     */
    inflectionEndings: words,
    /** Prepositions and articles between a generic role and its qualifiers: "user of the app", "Nutzer der App". */
    roleLinkWords: words,
    /**
     * Single words of the same meaning, for proposing the closest catalogue persona; each group is
     * named in English, and groups of the same name in different languages are one meaning
     * (`nurse: [carer]` in English, `nurse: [Pflegekraft]` in German).
     */
    synonyms: z.record(z.string().min(1), words),
    /** Words that say nothing about a persona when a ticket is compared with the catalogue: "with", "über". */
    stopWords: words,
    /** Customer metrics. A term ending in " rate", " time" or " score" is also a metric head. */
    metricTerms: words,
    /** Generic metric heads: "<something> rate", "<something> time", "<something> score". */
    metricHeads: words,
    /** Words before a head that do not make a metric ("first time", "same time"). */
    metricHeadStopWords: words,
    /** Words that turn a following number into a target: "to", "below", "at least"… */
    targetWords: words,
    /** Compound endings that make a word a metric: "Abbruchquote", "Wartezeit", "wachttijd". Stems in metricHeadStopWords are not. */
    metricSuffixes: words,
    /** Phrases the next word completes into a metric: "taux de" (rebond), "tasso di" (abbandono), "share of". */
    metricLeads: words,
    /**
     * Counted customer events ("deliveries", "Zahlungen", "citas"). One is a metric next to an
     * outcome word ("missed deliveries"), before "per" ("tickets per order"), or beside a target.
     */
    metricEvents: words,
    /** Outcome words that make an event next to them a metric: "missed", "fehlgeschlagene", "fallidas". */
    metricEventQualifiers: words,
    /** "per", "pro", "por": "<event> per <event, person or number>" is a metric. */
    metricPer: words,
    /** Targets without a number (regular-expression sources): "halve", "verdoppeln", "de moitié". */
    relativeTargets: z.array(regexSource),
    /** Words that say a metric should go up: "increase", "at least", "steigern". */
    upWords: words,
    /** Words that say a metric should go down: "reduce", "below", "senken". */
    downWords: words,
    /**
     * Words right before a number that make it a change, not a level, when the sentence says which
     * way: "reduce churn by 20%", "um 15 % senken", "réduire de 15 %", "met 15% verlagen".
     */
    changeWords: words,
    /** Words that open a timeframe: "within", "bis", "entro". */
    timeframeWords: words,
    /**
     * Words a timeframe may hold between its opening word, its number and its unit: "the next",
     * "den nächsten", "les prochains" ("within the next 6 weeks", "dans les 3 prochains mois").
     */
    timeframeFillers: words,
    /** Words that make a timeframe a point in time, not a duration: "end" ("by the end of the quarter"), "Ende", "fin". */
    timeframeEnds: words,
    /** Number words of a timeframe, lower case, with the articles that count one: "a": 1, "zwei": 2, "une": 1. */
    numberWords: z.record(z.string().min(1), z.number().positive()),
    /** Time-unit words and their inflections, lower case, to the unit they name: "weeks": "week", "quartals": "quarter". */
    timeUnits: z.record(z.string().min(1), z.enum(['day', 'week', 'month', 'quarter', 'year'])),
    /** Table headings of a column of metrics: "Metric", "KPI", "Kennzahl". */
    metricColumns: words,
    /** Table headings of a column of targets: "Target", "Ziel", "Objetivo". */
    targetColumns: words,
    /** Units that make a number a measurement: %, seconds, points… (regular-expression sources). */
    units: z.array(regexSource),
    /** Headings or labels that open an acceptance-criteria section. */
    acceptanceHeadings: words,
    /** Given / When / Then keywords; alternatives of one joined by "|" (German: "gegeben|angenommen"). */
    givenWhenThen: z.tuple([gwtWord, gwtWord, gwtWord]),
    /** Conjunctions that can join two goals. */
    conjunctions: words,
    /** Verbs that start a goal; a conjunction followed by one of them joins two goals. */
    goalVerbs: words,
    /**
     * Purpose clauses that are a benefit only after the goal's verb phrase: "je veux voir mes
     * plannings pour …" states a benefit, "je veux un bouton pour exporter" says what the button is
     * for (regular-expression sources, like benefitMarkers).
     */
    purposeMarkers: z.array(regexSource),
    /** A verb's infinitive, as a whole word (regular-expression sources): "-er/-ir/-re", "-en". */
    infinitives: z.array(regexSource),
    /** Articles, possessives and quantifiers: a word after one is a noun or an adjective, not a verb. */
    determiners: words,
    /** Labels of a line or section that gives the benefit: "Why:", "Warum:", "Por qué:". */
    benefitLabels: words,
    /** Labels of a line or section that gives customer evidence: "Evidence:", "Customer feedback:", "Belege:". */
    evidenceLabels: words,
    /**
     * Labels of the lines or headings that answer an epic's customer questions (working-backwards):
     * "Customer:", "Who is the customer?", "Problem", "Opportunity", "Benefit", "How will we know?",
     * "Success metric", "Experience". A question mark after a label is optional.
     */
    epicQuestions: z.object({ customer: words, problem: words, benefit: words, metric: words, experience: words }).strict(),
    /**
     * Labels of a working-backwards document (working-backwards): a line so labelled with a Confluence
     * or Google Docs link hands the epic's questions to that document; "Press release" and "FAQ"
     * sections in the description answer them there.
     */
    prfaqLabels: z.object({ document: words, pressRelease: words, faq: words }).strict(),
    /**
     * Words of a line's label under a PR/FAQ heading that say the line links the PR/FAQ itself:
     * "Link:", "Google Doc:", "Draft:", "Entwurf:". A line labelled otherwise ("Architecture:",
     * "Owner:") links something else. Articles, numbers and the PR/FAQ labels' words count too.
     */
    prfaqLinkLabels: words,
    /** Modal and auxiliary words a benefit may add to its goal without saying more: "can", "kann". */
    modalWords: words,
    /** Pronouns and nouns that name the person served: "I", "my", "customers". */
    personWords: words,
    /** What a benefit may be about instead of the person: "the code", "das System", "the team". */
    systemSubjects: words,
    /**
     * Who a benefit is for when it is the business, as a benefit's subject or owner: "we", "our",
     * "the company", "marketing", "sales", "wir", "das Unternehmen", "la empresa", "l'entreprise".
     */
    businessSubjects: words,
    /**
     * What the business gains, whoever the clause's subject is: "increase revenue", "reduce costs",
     * "upsell", "buy more", "Umsatz steigern", "aumentar los ingresos". Words are matched with their
     * inflections; an article between them is skipped, a personal possessive ("my costs") is not.
     */
    businessOutcomes: words,
    /** Labels of a line that says how the end customer is affected: "Customer impact:", "Kundennutzen:". */
    customerImpactLabels: words,
    /** Nouns naming the end customer a ticket of an internal role may say it reaches: "customers", "shoppers", "Kunden". */
    endCustomers: words,
    /**
     * What opens a job story's situation at the start of a sentence: "When", "Wenn", "Cuando",
     * "Quand", "Lorsque", "Als ik" (regular-expression sources, like roleMarkers).
     */
    situationMarkers: z.array(regexSource),
    /**
     * What opens a job story's motivation after its situation: "I want", "möchte ich", "quiero"
     * (regular-expression sources). Fewer than goalMarkers: "When I click, I can see …" is a test step.
     */
    motivationMarkers: z.array(regexSource),
    /**
     * Motivation markers a job story may open with only after a first-person situation ("When I …",
     * "Wenn ich …"): "I need", "we want", "brauche ich". "When the queue is full, we need to drop …"
     * is a technical note, not a job story (regular-expression sources).
     */
    firstPersonMotivationMarkers: z.array(regexSource),
    /**
     * What opens a first-person situation, as a whole word at its start (regular-expression sources):
     * "I", "we", "ich"; where the pronoun is dropped, the verb's first-person ending ("repongo").
     */
    firstPersonSituations: z.array(regexSource),
    /**
     * Headings or labels of a bug's steps to reproduce: "Steps to reproduce", "Schritte zur Reproduktion".
     * No job story is read under one (nor under an acceptance-criteria heading): "When I click Pay, I need …" there is a step.
     */
    reproductionHeadings: words,
    /**
     * Words that name no moment, context or trigger ("use", "open", "app", "log", "in"): a job story's
     * situation made of nothing else (besides pronouns and articles) is generic, as "When I use the app".
     */
    genericSituationWords: words,
  })
  .strict();

export type Vocabulary = z.output<typeof vocabularySchema>;

export const personaSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().default(''),
    aliases: z.array(z.string().min(1)).default([]),
  })
  .strict();

/** Units a domain's metric is counted in; a change in percent is relative, in points absolute. */
export const METRIC_UNITS = ['percent', 'points', 'seconds', 'minutes', 'hours', 'days', 'count', 'currency'] as const;

/** A customer metric a domain's hints give as an example, with a change or a target that makes it one. */
export const domainMetricSchema = z
  .object({
    name: z.string().min(1),
    /** up: higher is better (conversion); down: lower is better (churn, wait time). */
    direction: z.enum(['up', 'down']),
    unit: z.enum(METRIC_UNITS),
    /** The example moves the metric by this much ("+3%", "−2 points")… */
    change: z.number().positive().optional(),
    /** …or to this level ("under 15 minutes", "at least 80%"). */
    target: z.number().nonnegative().optional(),
    timeframe: z.string().min(1).default('within 8 weeks of release'),
  })
  .strict()
  .refine((m) => (m.change === undefined) !== (m.target === undefined), { message: 'give either change (by how much) or target (the level to reach)' });

const domainKeyword = z
  .string()
  .refine(isKeyword, { message: 'expected a word or phrase; a single word (3 letters or more) may start or end with *' });

/** A domain (health, finance…): the words that give it away and the examples its hints propose. */
export const domainSchema = z
  .object({
    /** Language code -> words or phrases; "pflegekraft*" also matches words starting with it, "*schicht" words ending with it. */
    keywords: z.record(z.string().regex(/^[a-z]{2,3}$/, 'expected a language code such as en or de'), z.array(domainKeyword)),
    /** Example personas for the specific-persona hint, when there is no persona catalogue. */
    personas: z.array(z.string().min(1)),
    /** Example customer metrics, the most typical first. */
    metrics: z.array(domainMetricSchema),
  })
  .strict();

export type DomainDefinition = z.output<typeof domainSchema>;
export type DomainMetric = z.output<typeof domainMetricSchema>;

type OptionsShape<Id extends RuleId> = RuleOf<Id>['meta']['optionsSchema']['shape'];
/** A rule's options, parsed (zod's own output type of an empty object would forbid `severity`). */
export type RuleOptionsOf<Id extends RuleId> = { [K in keyof OptionsShape<Id>]: z.output<OptionsShape<Id>[K]> };
/** A rule's parsed setting: its severity and its options. */
export type RuleSettingOf<Id extends RuleId> = { severity: RuleSetting } & RuleOptionsOf<Id>;
export type RuleSettings = { [Id in RuleId]: RuleSettingOf<Id> };
type RuleOverrides = { [Id in RuleId]?: RuleSetting | ({ severity?: RuleSetting } & Partial<RuleOptionsOf<Id>>) };

/**
 * The schemas of centric.yml as a whole: hundreds of zod objects (each built-in language's and
 * domain's defaults, each rule's options, every section's). Made the first time one is needed (see
 * schemas()), not when this module is loaded: `centric lint` without a centric.yml parses none
 * (the build folds DEFAULT_CONFIG into data, scripts/build-if-stale.mjs), and making them was
 * ~15 ms of every start. The schemas of one language, persona or domain above are few and stay.
 */
function makeSchemas() {
  const severity = z.enum(['off', 'warn', 'error']);

  const customField = z.string().regex(/^customfield_\d+$/, 'expected a field id such as customfield_10035');
  const domain = (example: string) => z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, `expected a domain such as ${example}`);
  const evidenceSource = z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}(?:\/[^\s/]+)*$/i, 'expected a domain such as zendesk.com, or a domain and a path such as atlassian.net/servicedesk');
  const projectKey = z.string().regex(PROJECT_KEY, 'expected a Jira project key such as SHOP');
  const jiraLabel = z.string().min(1).regex(/^\S+$/, 'a Jira label has no spaces');
  const clockTime = (example: string) => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, `expected a time such as ${example}`);

  /** A language that is not built in starts from empty lists. */
  const NEW_LANGUAGE: Vocabulary = {
    roleMarkers: [], goalMarkers: [], benefitMarkers: [], nonRolePhrases: [], nonRoles: [], relativePronouns: [], placeholders: [], articles: [],
    genericRoles: [], vagueQualifiers: [], inflectionEndings: [], roleLinkWords: [], synonyms: {}, stopWords: [], metricTerms: [], metricHeads: [], metricHeadStopWords: [],
    targetWords: [], metricSuffixes: [], metricLeads: [], metricEvents: [], metricEventQualifiers: [], metricPer: [],
    relativeTargets: [], upWords: [], downWords: [], changeWords: [], timeframeWords: [], timeframeFillers: [], timeframeEnds: [], numberWords: {}, timeUnits: {},
    metricColumns: [], targetColumns: [],
    epicQuestions: { customer: [], problem: [], benefit: [], metric: [], experience: [] }, prfaqLabels: { document: [], pressRelease: [], faq: [] }, prfaqLinkLabels: [],
    units: [], acceptanceHeadings: [], givenWhenThen: ['given', 'when', 'then'],
    conjunctions: [], goalVerbs: [],
    purposeMarkers: [], infinitives: [], determiners: [], benefitLabels: [], evidenceLabels: [], modalWords: [], personWords: [], systemSubjects: [],
    businessSubjects: [], businessOutcomes: [], customerImpactLabels: [], endCustomers: [],
    situationMarkers: [], motivationMarkers: [], genericSituationWords: [], firstPersonMotivationMarkers: [], firstPersonSituations: [], reproductionHeadings: [],
  };

  /** A language's lists: each one given replaces that default list, the others stay. */
  const languageSchema = (defaults: Vocabulary) => z.object(withDefaults(vocabularySchema.shape, defaults)).strict().prefault({});

  const builtInLanguages = Object.fromEntries(Object.entries(DEFAULT_VOCABULARY).map(([code, v]) => [code, languageSchema(v)]));

  /** Language code -> vocabulary; the order is the order languages are tried in, built-in ones first. */
  const vocabulariesSchema = z
    .record(z.string().regex(/^[a-z]{2,3}$/, 'expected a language code such as en or de'), z.unknown())
    .pipe(z.object(builtInLanguages).catchall(languageSchema(NEW_LANGUAGE)))
    .prefault({});


  /** A domain's fields: each one given replaces that default, the others stay. */
  const domainEntrySchema = (defaults: DomainDefinition) => z.object(withDefaults(domainSchema.shape, defaults)).strict().prefault({});

  const builtInDomains = Object.fromEntries(Object.entries(DEFAULT_DOMAINS).map(([id, d]) => [id, domainEntrySchema(d)]));

  /** Domain id -> domain: the built-in ones (commerce, health, finance, internal-tools, b2b-saas, generic) and any added. */
  const domainsSchema = z
    .record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a domain id such as health or field-service'), z.unknown())
    .pipe(z.object(builtInDomains).catchall(domainEntrySchema({ keywords: {}, personas: [], metrics: [] })))
    .prefault({});

  /** What lints a ticket, besides the rules: a project may override each of these. */
  const lintSettingsShape = {
    /** Issue types that are linted; every other type is reported as skipped. */
    issueTypes: z.array(z.string().min(1)).min(1, 'list at least one issue type, e.g. [Story]').default(['Story']),
    /** The catalogue the specific-persona hint proposes from. */
    personas: z.array(personaSchema).default([]),
    vocabulary: vocabulariesSchema,
    designDomains: z.array(domain('figma.com')).default([
      'figma.com', 'miro.com', 'sketch.com', 'invisionapp.com', 'invis.io', 'zeplin.io',
      'balsamiq.com', 'balsamiq.cloud', 'whimsical.com', 'axure.cloud', 'axshare.com',
      'xd.adobe.com', 'framer.com', 'canva.com', 'lucid.app', 'lucidchart.com',
    ]),
    recordingDomains: z.array(domain('loom.com')).default(['loom.com', 'vimeo.com', 'youtube.com', 'youtu.be', 'scribehow.com', 'tango.us']),
    /**
     * Where customer evidence lives (customer-evidence): a domain, or a domain and the path its
     * feedback sits under ("atlassian.net/servicedesk": Jira Service Management's customer requests).
     */
    evidenceDomains: z.array(evidenceSource).default([
      'zendesk.com', 'intercom.com', 'intercom.io', 'freshdesk.com', 'helpscout.net',
      'atlassian.net/servicedesk', 'atlassian.net/jira/servicedesk', 'atlassian.net/jira/polaris',
      'dovetail.com', 'dovetailapp.com', 'condens.io', 'getenjoyhq.com', 'productboard.com', 'canny.io', 'uservoice.com',
      'typeform.com', 'surveymonkey.com', 'qualtrics.com', 'docs.google.com/forms', 'forms.gle',
      'hotjar.com', 'fullstory.com', 'logrocket.com', 'amplitude.com', 'mixpanel.com', 'analytics.google.com',
      'looker.com', 'lookerstudio.google.com', 'gong.io', 'slack.com/archives',
    ]),
    /** Issue types whose linked issues are customer evidence (customer-evidence): a JSM request, a feedback item. */
    evidenceIssueTypes: z.array(z.string().min(1)).default(['Customer Request', 'Service Request', 'Feedback']),
    /** Jira custom field holding acceptance criteria, e.g. customfield_10035. */
    acceptanceCriteriaField: customField.nullable().default(null),
    /** The domains hints draw their example metrics and personas from, recognised by their keywords. */
    domains: domainsSchema,
    /**
     * Internal and back-end roles (customer-benefit): their stories may serve the business, but should
     * say how the end customer is affected. Matched with the role's inflections ("developers", "Entwicklerin").
     */
    internalRoles: z.array(z.string().min(1)).default([
      'merchandiser', 'warehouse supervisor', 'warehouse worker', 'api consumer', 'developer', 'admin', 'administrator',
      'ops', 'operations', 'support agent', 'product manager', 'data analyst',
      'Entwickler', 'Lagerleiter', 'Händler', 'Supportmitarbeiter', 'desarrollador', 'administrador', 'agente de soporte',
      'développeur', 'administrateur', 'agent de support', 'sviluppatore', 'amministratore', 'ontwikkelaar', 'beheerder',
      'desenvolvedor', 'programador',
    ]),
    /** The customer journey: its stages, what puts a story in one, and the KPIs each is measured by (see journey/). */
    journey: journeySchema(),
  };

  const lintSettingsSchema = z.object(lintSettingsShape).strict();

  /**
   * A rule in centric.yml: "off|warn|error", or { severity, …its options }. Parsed, it is always
   * the object, with the rule's default severity and options filled in.
   */
  function ruleSettingSchema(rule: Rule) {
    const setting = z.object({ severity: severity.default(rule.meta.defaultSeverity) }).extend(rule.meta.optionsSchema.shape).strict();
    return z
      .union([severity, setting])
      .transform((value) => (typeof value === 'string' ? setting.parse({ severity: value }) : value))
      .prefault({});
  }

  /** A project's rule: the same forms, with no defaults, so what it leaves out comes from the base. */
  function ruleOverrideSchema(rule: Rule) {
    const setting = z.object({ severity: severity.optional(), ...withoutDefaults(rule.meta.optionsSchema.shape) }).strict();
    return z.union([severity, setting]).optional();
  }

  /** One entry per registered rule, keyed by its id. */
  function perRule<T>(make: (rule: Rule) => T): Record<RuleId, T> {
    return Object.fromEntries(RULES.map((rule) => [rule.meta.id, make(rule)])) as Record<RuleId, T>;
  }


  // Built from the registry at run time, so zod cannot type each rule's options: the mapped types
  // above say what these parse to (and the tests of centric.yml hold them to it).
  const rulesSchema = z.object(perRule(ruleSettingSchema)).strict().prefault({}) as unknown as z.ZodType<RuleSettings, RuleOverrides | undefined>;
  const ruleOverridesSchema = z.object(perRule(ruleOverrideSchema)).strict() as unknown as z.ZodType<RuleOverrides, RuleOverrides>;

  const weight = z.number().min(0).max(1000);
  /** Weight of each rule in the 0-100 score; each rule's default is its meta.weight. */
  const scoreWeightsSchema = z.object(perRule((rule) => weight.default(rule.meta.weight))).strict().prefault({});
  const scoreWeightOverridesSchema = z.object(perRule(() => weight.optional())).strict();

  /** A project's partial override of the lint settings; a vocabulary given here starts from the built-in one. */
  const projectOverrideSchema = z
    .object({
      ...withoutDefaults(lintSettingsShape),
      rules: ruleOverridesSchema.optional(),
      scoreWeights: scoreWeightOverridesSchema.optional(),
      /** The language of Centric's words on this project's tickets and digests; absent: each ticket's own language. */
      language: z.enum(LOCALES).optional(),
    })
    .strict();

  /**
   * A profile (see profiles.ts): the issue types it lints, with its rules and weights laid over the
   * base ones in the same forms as a project's. A built-in profile (epic) may leave any field out.
   */
  const profileSchema = z
    .object({
      issueTypes: z.array(z.string().min(1)).optional(),
      rules: ruleOverridesSchema.optional(),
      scoreWeights: scoreWeightOverridesSchema.optional(),
    })
    .strict();

  /** Profile name -> profile: the built-in epic profile, and any added (e.g. bug). */
  const profilesSchema = z
    .record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a profile name such as epic or bug'), profileSchema)
    .superRefine((profiles, ctx) => {
      for (const [name, p] of Object.entries(profiles)) {
        if (!BUILT_IN_PROFILES.includes(name) && !p.issueTypes?.length) ctx.addIssue({ code: 'custom', path: [name, 'issueTypes'], message: 'list the issue types this profile lints, e.g. [Bug]' });
      }
    })
    .transform(withBuiltInProfiles)
    .prefault({});

  /** How Centric works with Jira. */
  const jiraSchema = z
    .object({
      /** Quiet time after the last edit before a ticket is linted; 0 lints at once. */
      debounceSeconds: z.number().int().min(0).max(86_400).default(120),
      /** Label added while a ticket fails and removed when it passes; null for none. */
      label: jiraLabel.nullable().default('centric:needs-work'),
      /** Tickets with this label are not linted. */
      exemptLabel: jiraLabel.default('centric:exempt'),
      /** What becomes of the comment once a ticket passes: a short note, or no comment at all. */
      onPass: z.enum(['note', 'remove']).default('note'),
      /**
       * When a ticket gets the sticky comment: "any-finding" (a warning is worth a suggestion, and
       * the heading says "passes, 2 suggestions"), or "failing" (only a ticket with an error).
       */
      commentWhen: z.enum(['any-finding', 'failing']).default('any-finding'),
      /** Where rule explanations live (the README): findings and the comment link to it + each rule's meta.docs. */
      // http(s) only: the link is put in Jira comments, Slack messages and the HTML and Markdown reports.
      rulesDocUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://wiki.example.com/centric' }).default('https://github.com/centric-bot/centric/blob/main/README.md'),
      /** Calls to Jira at once for background work (webhook events, polls, digests). */
      concurrency: z.number().int().min(1).max(32).default(4),
      /**
       * Calls to Jira at once for people waiting in Slack (/centric, Fix it, buttons): a lane of its
       * own, so a burst of commands never delays webhook processing, nor the reverse.
       */
      interactiveConcurrency: z.number().int().min(1).max(32).default(2),
      /**
       * POST /jira/webhook: "on" serves it, and only with JIRA_WEBHOOK_SECRET set (unsigned
       * deliveries are refused); "off" does not serve it (Socket Mode or polling set-ups without webhooks).
       */
      webhook: z.enum(['on', 'off']).default('on'),
      /** How long Jira's answer to "may this person browse / edit this?" is remembered. */
      permissionCacheSeconds: z.number().int().min(0).max(3600).default(60),
      /** Time-out of one call to Jira. */
      timeoutSeconds: z.number().int().min(1).max(300).default(30),
      /** Polling (JQL): catches deliveries Jira dropped, or replaces webhooks behind a firewall. */
      poll: z
        .object({
          /** Minutes between polls; 0 turns polling off. */
          intervalMinutes: z.number().int().min(0).max(1440).default(0),
          /** Project keys to poll. */
          projects: z.array(projectKey).default([]),
        })
        .strict()
        .prefault({}),
    })
    .strict()
    .prefault({});

  /** Who gets a nudge, and when. */
  const nudgesSchema = z
    .object({
      /**
       * Which tickets nudge their people in Slack: "failing" (an error; the default, so warnings
       * alone never interrupt anyone) or "any-finding".
       */
      when: z.enum(['failing', 'any-finding']).default('failing'),
      /** Who is nudged about a failing ticket. */
      recipients: z.enum(['reporter', 'assignee', 'both']).default('reporter'),
      /** When nudges may arrive, in each person's Slack timezone. */
      workingHours: z
        .object({
          days: z.array(z.number().int().min(0).max(6)).min(1, 'list at least one day, 0 = Sunday … 6 = Saturday').default([1, 2, 3, 4, 5]),
          start: clockTime('09:00').default('09:00'),
          end: clockTime('18:00').default('18:00'),
        })
        .strict()
        .prefault({}),
      /** DMs per person per day at most; several tickets share one DM. */
      perDay: z.number().int().min(1).max(24).default(1),
      /** How long "Snooze a week" lasts. */
      snoozeDays: z.number().int().min(1).max(90).default(7),
      /** Statuses (e.g. "Ready for Development") whose entry nudges about a failing ticket again. */
      onStatuses: z.array(z.string().min(1)).default([]),
      /** A failing ticket moved into a sprint nudges again. */
      onSprint: z.boolean().default(false),
    })
    .strict()
    .prefault({});

  /** "4w", "0d", "36h": a duration as centric.yml writes it (see core/duration.ts). */
  const duration = (example: string) => z.string().regex(/^\d{1,4}\s*[hdw]$/, `expected a duration such as ${example} (hours h, days d, weeks w)`);

  /** Whom an outcome review asks: the ticket's reporter or assignee (in a DM), or a Slack channel by id. */
  const outcomeAsk = z.union([
    z.enum(['reporter', 'assignee']),
    z.string().regex(/^[CG][A-Z0-9]{2,}$/, 'expected reporter, assignee, or a Slack channel id such as C024BE91L (channel details, at the bottom)'),
  ]);

  /** What a project may change of the outcome reviews. */
  const outcomeProjectShape = {
    /** Ask whether a shipped story's customer metric moved. */
    enabled: z.boolean(),
    /** When to ask after a story is done, if its promise names no timeframe ("within 6 weeks" is asked after 6 weeks); 0d asks at once. */
    defaultReviewAfter: duration('4w'),
    ask: outcomeAsk,
    /** Statuses that count as shipped besides Jira's "Done" category (e.g. "Released"). */
    doneStatuses: z.array(z.string().min(1).max(60)),
    /** An unanswered question is reminded once after this long, and shown as overdue after as long again. */
    remindAfter: duration('3d'),
    /** "Too early" asks again after this long… */
    tooEarlyDelay: duration('2w'),
    /** …at most this many times; then only Target hit, Missed and Not measured are offered. */
    maxTooEarly: z.number().int().min(0).max(10),
  };

  /** Closing the loop: after a story with a customer metric ships, its owner is asked whether the metric moved. */
  const outcomesSchema = z
    .object({
      enabled: outcomeProjectShape.enabled.default(true),
      defaultReviewAfter: outcomeProjectShape.defaultReviewAfter.default('4w'),
      ask: outcomeProjectShape.ask.default('reporter'),
      doneStatuses: outcomeProjectShape.doneStatuses.default([]),
      remindAfter: outcomeProjectShape.remindAfter.default('3d'),
      tooEarlyDelay: outcomeProjectShape.tooEarlyDelay.default('2w'),
      maxTooEarly: outcomeProjectShape.maxTooEarly.default(2),
      /** Labels the answer puts on the ticket; null for none. */
      labels: z
        .object({
          hit: jiraLabel.nullable().default('centric:outcome-hit'),
          missed: jiraLabel.nullable().default('centric:outcome-missed'),
          notMeasured: jiraLabel.nullable().default('centric:outcome-not-measured'),
        })
        .strict()
        .prefault({}),
      /** Issue property holding the structured answer, for other tools (GET /rest/api/3/issue/KEY/properties/centric.outcome). */
      property: z.string().regex(/^[A-Za-z0-9._-]{1,255}$/, 'expected a property key such as centric.outcome').default('centric.outcome'),
      /** Per-project changes, by project key: e.g. SHOP: { ask: C024BE91L, defaultReviewAfter: 6w }. */
      projects: z.record(projectKey, z.object(outcomeProjectShape).partial().strict()).default({}),
    })
    .strict()
    .prefault({});

  /** How Centric works in Slack. */
  const slackSchema = z
    .object({
      /**
       * Slack user ids allowed to subscribe or unsubscribe any channel. Empty: anyone may, for the
       * channel they run the command in.
       */
      admins: z.array(z.string().regex(/^[UW][A-Z0-9]+$/, 'expected a Slack user id such as U024BE7LH')).default([]),
      /** Slack workspace admins and owners are Centric admins too. */
      workspaceAdmins: z.boolean().default(true),
      /** /centric commands one person may run per minute; more are refused with a "wait a minute". */
      commandsPerMinute: z.number().int().min(1).max(600).default(20),
      /** How long a one-time link code (/centric link SHOP-123) stays valid. */
      linkCodeMinutes: z.number().int().min(1).max(1440).default(15),
    })
    .strict()
    .prefault({});

  /** What the weekly digest reads from Jira. */
  const digestSchema = z
    .object({
      /** Numeric field holding the customer benefit of a story (e.g. a "Customer value" field); null: no bang-for-the-buck ranking. */
      benefitField: customField.nullable().default(null),
      /** Numeric field holding the cost; Jira Cloud's "Story point estimate" by default. */
      costField: customField.nullable().default('customfield_10016'),
      /** Statuses whose failing tickets "need attention": ready for development. */
      readyStatuses: z.array(z.string().min(1)).default(['Ready for Development', 'Selected for Development']),
      /** Issues one digest (or /centric digest) reads at most; a scope with more is cut there, and the digest says so. */
      maxIssues: z.number().int().min(100).max(100_000).default(5_000),
      /**
       * The share of stories (0-1) whose stated benefit should reach the customer (theirs, or theirs
       * and the business's): the digest's balance line says whether a period meets it; null: no target.
       */
      customerShareTarget: z.number().min(0).max(1).nullable().default(0.6),
    })
    .strict()
    .prefault({});

  /**
   * The prioritisation meeting's ranking (`centric rank`, `/centric rank`): customer benefit ÷ cost,
   * boosted by evidence and persona reach; the weights are printed with the ranking so the room can
   * challenge them. Benefit and cost come from digest.benefitField and digest.costField.
   */
  const rankSchema = z
    .object({
      /** Numeric field holding the business value of a story; null: no business value column. */
      businessValueField: customField.nullable().default(null),
      weights: z
        .object({
          /** Each distinct piece of customer evidence adds this share of the benefit… */
          evidence: z.number().min(0).max(100).default(0.25),
          /** …counted up to this many pieces. */
          evidenceCap: z.number().int().min(0).max(100).default(4),
          /** Each other open story for the same persona adds this share (a persona the team serves often)… */
          reach: z.number().min(0).max(100).default(0.1),
          /** …counted up to this many stories. */
          reachCap: z.number().int().min(0).max(1000).default(10),
        })
        .strict()
        .prefault({}),
    })
    .strict()
    .prefault({});

  const inboxSchema = z
    .object({
      /** Events processed at once by one process. */
      concurrency: z.number().int().min(1).max(64).default(4),
      /** Attempts before an event is dead-lettered. */
      maxAttempts: z.number().int().min(1).max(50).default(5),
      /** How long an event stays claimed by a process that stopped answering (killed) before another takes it over. */
      leaseSeconds: z.number().int().min(1).max(3600).default(60),
    })
    .strict()
    .prefault({});

  const retentionSchema = z
    .object({
      /** Report history (score over time) older than this is deleted. */
      historyDays: z.number().int().min(1).default(400),
      /** Processed events older than this are deleted; dead-lettered ones are kept. */
      inboxDays: z.number().int().min(1).default(7),
      /**
       * Settled nudges (sent, fixed, dropped, undeliverable) older than this are deleted; queued ones
       * and the newest of each person, ticket and findings are kept (it stops the same findings being sent twice).
       */
      nudgesDays: z.number().int().min(1).default(180),
      /** Settled outcome reviews (answered and written to Jira, cancelled, undeliverable) older than this are deleted; open ones are kept. */
      outcomesDays: z.number().int().min(1).default(730),
    })
    .strict()
    .prefault({});

  /**
   * /metrics and the detailed /readyz: served on their own address, loopback by default, as they
   * name the Jira account, the database and versions. PORT keeps /healthz and a bare /readyz.
   */
  const opsSchema = z
    .object({
      /** Address the ops endpoints listen on; 0.0.0.0 to reach them from outside a container. */
      host: z.string().min(1).default('127.0.0.1'),
      /** Their port (9464 is Prometheus' exporter convention); 0 picks a free one; null serves them on PORT as before. */
      port: z.number().int().min(0).max(65535).nullable().default(9464),
    })
    .strict()
    .prefault({});

  const { issueTypes, ...otherLintSettings } = lintSettingsShape;

  /**
   * centric.yml: every key optional, unknown keys rejected so a typo never goes unnoticed. Keys in
   * the order `centric config --print` shows them: what is changed most, first.
   */
  const configSchema = z
    .object({
      issueTypes,
      rules: rulesSchema,
      scoreWeights: scoreWeightsSchema,
      ...otherLintSettings,
      /** Issue types linted by their own rules (epics: working backwards), by profile name. */
      profiles: profilesSchema,
      /** Per-project overrides of the lint settings, by project key. */
      projects: z.record(projectKey, projectOverrideSchema).default({}),
      inbox: inboxSchema,
      slack: slackSchema,
      digest: digestSchema,
      rank: rankSchema,
      nudges: nudgesSchema,
      outcomes: outcomesSchema,
      jira: jiraSchema,
      retention: retentionSchema,
      ops: opsSchema,
    })
    .strict()
    // An issue type is in one profile at most (one also in issueTypes is linted by its profile).
    .superRefine((config, ctx) => {
      for (const issue of profileConflicts(config)) ctx.addIssue({ code: 'custom', ...issue });
    });

  return { lintSettingsSchema, projectOverrideSchema, configSchema };
}

export type Schemas = ReturnType<typeof makeSchemas>;

let made: Schemas | undefined;

/** centric.yml's schemas, made on first use. */
export const schemas = (): Schemas => (made ??= makeSchemas());

/**
 * centric.yml: every key optional, unknown keys rejected so a typo never goes unnoticed; parsed,
 * every default is filled in (DEFAULT_CONFIG is what it makes of an empty file). Keys in the order
 * `centric config --print` shows them: what is changed most, first.
 */
export const configSchema = (): Schemas['configSchema'] => schemas().configSchema;

/** What lints a ticket besides the rules (issue types, personas, vocabulary…): what a rule may read. */
export type LintSettings = z.output<Schemas['lintSettingsSchema']>;
/** A project's partial override of the lint settings. */
export type ProjectOverride = z.output<Schemas['projectOverrideSchema']>;
/** The effective configuration: centric.yml parsed, every default filled in. */
export type CentricConfig = z.output<Schemas['configSchema']>;
/** What centric.yml may say. */
export type ConfigFile = z.input<Schemas['configSchema']>;

/**
 * The configuration as centric.yml would say it (what `centric config --print` prints): a
 * parsed configuration is already a valid file; only a rule with no options is shortened to its
 * severity, as people write it.
 */
export function toConfigFile(config: CentricConfig): ConfigFile {
  const rules = Object.fromEntries(
    Object.entries(config.rules).map(([id, setting]) => [id, Object.keys(setting).length === 1 ? setting.severity : setting]),
  ) as RuleOverrides;
  return { ...config, rules };
}

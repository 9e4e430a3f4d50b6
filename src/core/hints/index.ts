/** Hints fitted to the ticket: its domain, and the example metric and persona that domain suggests. */
export { detectDomain, domainEvidence, fallbackDomain, MAX_DOMAIN_TEXT, type Domain, type DomainCatalogue, type DomainEvidence } from './domain.js';
export { DEFAULT_DOMAINS, DEFAULT_TIMEFRAME, FALLBACK_DOMAIN } from './default-domains.js';
export { classifyMetric, metricExample, type MetricClass, type MetricExampleOptions, type MetricKind } from './metric-example.js';
export { personaExample, type PersonaExampleOptions } from './persona-example.js';

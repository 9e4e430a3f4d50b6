import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load.js';
import { domainMetricSchema } from '../../../src/core/config-schema.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { DEFAULT_DOMAINS, detectDomain, metricExample, personaExample } from '../../../src/core/hints/index.js';
import { isKeyword } from '../../../src/core/hints/keyword-matcher.js';
import { configForProject } from '../../../src/core/lint.js';
import { configError } from '../../helpers/config-error.js';

const error = configError;

describe('centric.yml domains', () => {
  it('defaults to the built-in catalogue: commerce, health, finance, internal tools, B2B SaaS and the generic fallback', () => {
    expect(Object.keys(DEFAULT_CONFIG.domains)).toEqual(['commerce', 'health', 'finance', 'internal-tools', 'b2b-saas', 'generic']);
    expect(DEFAULT_CONFIG.domains).toEqual(DEFAULT_DOMAINS);
  });

  it('holds only valid keywords and metrics in its defaults, each domain with keywords in all seven languages', () => {
    for (const [id, domain] of Object.entries(DEFAULT_DOMAINS)) {
      for (const keyword of Object.values(domain.keywords).flat()) expect(isKeyword(keyword), `${id}: ${keyword}`).toBe(true);
      for (const metric of domain.metrics) expect(domainMetricSchema.safeParse(metric).success, `${id}: ${metric.name}`).toBe(true);
      if (id !== 'generic') expect(Object.keys(domain.keywords).sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'nl', 'pt']);
      expect(domain.personas.length).toBeGreaterThan(0);
      expect(domain.metrics.length).toBeGreaterThan(0);
    }
  });

  it('replaces the fields of a built-in domain it names, keeps the others, and adds new domains', () => {
    const config = parseConfig(
      [
        'domains:',
        '  health:',
        '    personas: [midwife on a maternity ward]',
        '  logistics:',
        '    keywords: { en: [courier, parcel depot] }',
        '    personas: [courier on a rural route]',
        '    metrics:',
        '      - { name: missed deliveries, direction: down, unit: percent, change: 20, timeframe: within a quarter }',
      ].join('\n'),
      'centric.yml',
    );
    expect(config.domains.health).toEqual({ ...DEFAULT_DOMAINS.health, personas: ['midwife on a maternity ward'] });
    expect(config.domains.finance).toEqual(DEFAULT_DOMAINS.finance);
    const ticket = 'As a courier, I want my parcel depot on the map.';
    const logistics = detectDomain(ticket, config.domains);
    expect(logistics.id).toBe('logistics');
    expect(metricExample(logistics, { text: ticket })).toBe('missed deliveries −20% within a quarter');
    expect(personaExample(logistics)).toBe('courier on a rural route');
    expect(personaExample(detectDomain('As a nurse, I want my ward.', config.domains))).toBe('midwife on a maternity ward');
  });

  it('fills in a metric\'s time frame when it leaves it out', () => {
    const config = parseConfig('domains:\n  ops:\n    metrics: [{ name: pick time, direction: down, unit: seconds, target: 30 }]', 'centric.yml');
    expect(config.domains.ops).toEqual({ keywords: {}, personas: [], metrics: [{ name: 'pick time', direction: 'down', unit: 'seconds', target: 30, timeframe: 'within 8 weeks of release' }] });
  });

  it('takes domains per project, starting from the built-in ones', () => {
    const config = parseConfig(
      ['projects:', '  CARE:', '    domains:', '      care-home:', '        keywords: { en: [resident*] }', '        personas: [care-home resident with dementia]'].join('\n'),
      'centric.yml',
    );
    const care = configForProject(config, 'CARE').domains;
    expect(detectDomain('As a relative, I want to see how the residents slept.', care).id).toBe('care-home');
    expect(care.health).toEqual(DEFAULT_DOMAINS.health);
    expect(configForProject(config, 'SHOP').domains).toBe(config.domains);
    expect(config.domains['care-home']).toBeUndefined();
  });

  it('names the file, the path and what was expected', () => {
    expect(error('domains:\n  health:\n    keywords: { en: ["a*"] }')).toBe(
      'centric.yml: domains.health.keywords.en.0: expected a word or phrase; a single word (3 letters or more) may start or end with *',
    );
    expect(error('domains:\n  health:\n    keywords: { en: ["night *shift"] }')).toMatch(/^centric\.yml: domains\.health\.keywords\.en\.0: expected a word or phrase/);
    expect(error('domains:\n  health:\n    metrics: [{ name: wait time, direction: down, unit: minutes, change: 5, target: 10 }]')).toBe(
      'centric.yml: domains.health.metrics.0: give either change (by how much) or target (the level to reach)',
    );
    expect(error('domains:\n  health:\n    metrics: [{ name: wait time, direction: lower, unit: minutes, target: 10 }]')).toMatch(
      /^centric\.yml: domains\.health\.metrics\.0\.direction: Invalid option: expected one of "up"\|"down"/,
    );
    expect(error('domains:\n  Health Care: {}')).toMatch(/^centric\.yml: domains\.Health Care: expected a domain id such as health or field-service/);
    expect(error('domains:\n  health:\n    keywords: { english: [nurse] }')).toMatch(/expected a language code such as en or de/);
  });
});

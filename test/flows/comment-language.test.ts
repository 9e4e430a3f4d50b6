/**
 * The sticky comment the bot writes speaks the language its findings are in: the ticket's own,
 * or its project's `language:`. The same ticket checked again writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { loadJiraEnv } from '../../src/config/env.js';
import type { CentricConfig } from '../../src/core/config-types.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { ticketChanged, type TicketChangedDeps } from '../../src/flows/ticket-changed.js';
import { JiraClient } from '../../src/jira/client.js';
import { Metrics } from '../../src/runtime/metrics.js';
import { jiraFakePerTest } from '../helpers/jira-fake.js';
import { capturedLogger } from '../helpers/quiet.js';
import { BACKENDS, storePerTest } from '../helpers/stores.js';

const jira = jiraFakePerTest(2);

const ticket = (key: string, description: string) => ({
  key,
  fields: { summary: 'Warenkorb', description, issuetype: { name: 'Story' }, project: { key: key.split('-')[0] }, labels: [], attachment: [] },
});


describe.each(BACKENDS)('the comment’s language on $name', (backend) => {
  const store = storePerTest(backend);

  function deps(config: CentricConfig = DEFAULT_CONFIG): TicketChangedDeps {
    const logger = capturedLogger().logger;
    const env = loadJiraEnv({ JIRA_BASE_URL: 'https://acme.atlassian.net', JIRA_PAT: 'pat', JIRA_DEPLOYMENT: 'datacenter' });
    return { store: store(), config, metrics: new Metrics(), clock: () => 1_000, jira: new JiraClient({ env, settings: config.jira, metrics: new Metrics(), logger, sleep: async () => undefined }), logger };
  }

  it('a German ticket gets its comment in German, and the same check again writes nothing', async () => {
    jira().put(ticket('SHOP-1', 'Als Kunde möchte ich meinen Warenkorb speichern.'));
    const first = await ticketChanged(deps(), { key: 'SHOP-1' }, { nudges: 'off' });
    expect(first.comment).toBe('created');
    const body = jira().postedWiki('SHOP-1').split('\n');
    expect(body[0]).toBe(`h3. Centric: ${first.report!.score}/100, 2 Punkte offen`);
    expect(body).toContain('* (!) *[specific-persona|https://github.com/centric-bot/centric/blob/main/README.md#specific-persona]*: „Kunde“ ist eine allgemeine Rolle, keine Persona.');
    expect(body.at(-1)).toMatch(/^_Centric aktualisiert diesen Kommentar, wenn sich das Ticket ändert\./);

    const writes = jira().writes().length;
    expect((await ticketChanged(deps(), { key: 'SHOP-1' }, { nudges: 'off' })).comment).toBe('unchanged');
    expect(jira().writes()).toHaveLength(writes);
  });

  it('`language: en` in the project keeps a German ticket’s comment in English; `language: fr` makes an English one French', async () => {
    const config = { ...DEFAULT_CONFIG, projects: { SHOP: { language: 'en' as const }, BOUT: { language: 'fr' as const } } };
    jira().put(ticket('SHOP-2', 'Als Kunde möchte ich meinen Warenkorb speichern.'));
    jira().put(ticket('BOUT-1', 'As a user, I want to save my basket.'));
    const german = await ticketChanged(deps(config), { key: 'SHOP-2' }, { nudges: 'off' });
    const english = await ticketChanged(deps(config), { key: 'BOUT-1' }, { nudges: 'off' });
    expect(jira().postedWiki('SHOP-2').split('\n')[0]).toBe(`h3. Centric: ${german.report!.score}/100, 2 checks to fix`);
    expect(jira().postedWiki('SHOP-2')).toContain(': "Kunde" is a generic role, not a persona.');
    expect(jira().postedWiki('BOUT-1').split('\n')[0]).toBe(`h3. Centric\u00a0: ${english.report!.score}/100, 2 points à corriger`);
    expect(english.report!.findings!.find((f) => f.rule === 'specific-persona')?.message).toBe('«\u00a0user\u00a0» est un rôle générique, pas une persona.');
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { openStore } from '../src/store/database.js';
import { migrate } from '../src/store/migrations.js';
import { CONVERSION, storeReviews } from './helpers/stored-reviews.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-15T10:00:00Z');
const ago = (days: number) => NOW - days * DAY;

/** Runs the CLI at NOW. */
const run = (args: string[], env: NodeJS.ProcessEnv) => runCli(args, '', env, () => NOW);

async function storedOutcomes(): Promise<NodeJS.ProcessEnv> {
  const url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'centric-outcomes-')), 'c.db')}`;
  const store = openStore(url);
  await migrate(store.db);
  await storeReviews(store, [
    { key: 'SHOP-12', summary: 'One-click gift wrap', outcome: 'hit', measured: '2.7%', note: 'Held through the sales', answeredName: 'Priya Nair', shippedAt: ago(50), answeredAt: ago(5) },
    { key: 'SHOP-4', summary: 'Ward handover list', role: 'ward nurse', outcome: 'missed', measured: '2.2%', shippedAt: ago(80), answeredAt: ago(30) },
    { key: 'SHOP-5', summary: 'Shift swap', role: null, outcome: 'not-measured', answeredName: 'Sam Lee', note: 'No analytics on that screen', shippedAt: ago(70), answeredAt: ago(20), promise: { ...CONVERSION, name: 'swap time', baseline: null, target: -50, kind: 'change', unit: '%', timeframe: null, period: null } },
    { key: 'SHOP-9', summary: 'Saved baskets', status: 'asked', shippedAt: ago(48), dueAt: ago(6), askedAt: ago(6), remindedAt: ago(3) },
    { key: 'SHOP-20', summary: 'Gift notes', status: 'scheduled', shippedAt: ago(2), dueAt: ago(-40) },
    { key: 'SHOP-21', summary: 'Gift receipts', status: 'asked', shippedAt: ago(44), dueAt: ago(2), askedAt: ago(2) },
    // Answered before --since, cancelled, and another project's: not listed.
    { key: 'SHOP-1', outcome: 'hit', shippedAt: ago(200), answeredAt: ago(150) },
    { key: 'SHOP-30', status: 'cancelled', shippedAt: ago(10) },
    { key: 'OPS-1', outcome: 'missed', shippedAt: ago(20), answeredAt: ago(1) },
  ]);
  await store.close();
  return { DATABASE_URL: url };
}

describe('centric outcomes', () => {
  it('lists overdue, pending and answered outcomes with the hit rate, as text', async () => {
    const result = await run(['outcomes', '--project', 'shop'], await storedOutcomes());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'Outcomes of SHOP since 2026-09-16',
        'Hit rate: 50% (1 hit, 1 missed; 1 not measured, left out)',
        '',
        'Overdue (1)',
        'SHOP-9  Saved baskets',
        '    for: gift buyer',
        '    promise: checkout conversion from 2.1% to 2.6% within 6 weeks',
        '    shipped: 2026-10-28',
        '    status: asked 2026-12-09, reminded 2026-12-12, no answer yet',
        '',
        'Pending (2)',
        'SHOP-21  Gift receipts',
        '    for: gift buyer',
        '    promise: checkout conversion from 2.1% to 2.6% within 6 weeks',
        '    shipped: 2026-11-01',
        '    status: asked 2026-12-13, waiting for the answer',
        'SHOP-20  Gift notes',
        '    for: gift buyer',
        '    promise: checkout conversion from 2.1% to 2.6% within 6 weeks',
        '    shipped: 2026-12-13',
        '    status: review due 2027-01-24',
        '',
        'Answered (3)',
        'SHOP-12  One-click gift wrap',
        '    for: gift buyer',
        '    promise: checkout conversion from 2.1% to 2.6% within 6 weeks',
        '    shipped: 2026-10-26',
        '    status: target hit on 2026-12-10 by Priya Nair',
        '    measured: 2.7%',
        '    note: Held through the sales',
        'SHOP-5  Shift swap',
        '    promise: swap time -50%',
        '    shipped: 2026-10-06',
        '    status: not measured on 2026-11-25 by Sam Lee',
        '    note: No analytics on that screen',
        'SHOP-4  Ward handover list',
        '    for: ward nurse',
        '    promise: checkout conversion from 2.1% to 2.6% within 6 weeks',
        '    shipped: 2026-09-26',
        '    status: missed on 2026-11-15 by Priya Nair',
        '    measured: 2.2%',
        '',
      ].join('\n'),
    );
  });

  it('prints one JSON document of the documented shape, and takes --since in weeks', async () => {
    const result = await run(['outcomes', '--project', 'SHOP', '--format', 'json', '--since', '4w'], await storedOutcomes());
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(['project', 'since', 'hitRate', 'counts', 'overdue', 'pending', 'answered']);
    // SHOP-4's miss is older than 4 weeks; SHOP-5 was not measured, which the hit rate leaves out.
    expect(json).toMatchObject({ project: 'SHOP', since: '2026-11-17T10:00:00.000Z', hitRate: 1, counts: { hit: 1, missed: 0, notMeasured: 1, overdue: 1, pending: 2 } });
    expect(json.answered.map((r: { key: string }) => r.key)).toEqual(['SHOP-12', 'SHOP-5']);
    expect(json.answered[0]).toEqual({
      key: 'SHOP-12',
      summary: 'One-click gift wrap',
      role: 'gift buyer',
      state: 'answered',
      promise: 'checkout conversion from 2.1% to 2.6% within 6 weeks',
      metric: CONVERSION,
      outcome: 'hit',
      measured: '2.7%',
      note: 'Held through the sales',
      answeredBy: 'Priya Nair',
      shippedAt: '2026-10-26T10:00:00.000Z',
      dueAt: '2026-12-07T10:00:00.000Z',
      askedAt: null,
      remindedAt: null,
      answeredAt: '2026-12-10T10:00:00.000Z',
    });
    expect(json.overdue[0]).toMatchObject({ key: 'SHOP-9', state: 'overdue', outcome: null, askedAt: '2026-12-09T10:00:00.000Z', remindedAt: '2026-12-12T10:00:00.000Z' });
    expect(json.pending.map((r: { key: string; state: string }) => [r.key, r.state])).toEqual([
      ['SHOP-21', 'pending'],
      ['SHOP-20', 'pending'],
    ]);
  });

  it('prints markdown tables, escaping what people typed', async () => {
    const env = await storedOutcomes();
    const store = openStore(env.DATABASE_URL!);
    await store.db.updateTable('outcome_reviews').set({ note: 'see | the *dashboard* <here>' }).where('ticket_key', '=', 'SHOP-12').execute();
    await store.close();
    const result = await run(['outcomes', '--project', 'SHOP', '--format', 'markdown', '--since', '10d'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        '## Outcomes of SHOP since 2026-12-05',
        '',
        '**Hit rate: 100% (1 hit, 0 missed)**',
        '',
        '### Overdue (1)',
        '',
        '| Ticket | Summary | For | Promise | Shipped | Status | Measured | Note |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        '| SHOP-9 | Saved baskets | gift buyer | checkout conversion from 2.1% to 2.6% within 6 weeks | 2026-10-28 | asked 2026-12-09, reminded 2026-12-12, no answer yet |  |  |',
        '',
        '### Pending (2)',
        '',
        '| Ticket | Summary | For | Promise | Shipped | Status | Measured | Note |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        '| SHOP-21 | Gift receipts | gift buyer | checkout conversion from 2.1% to 2.6% within 6 weeks | 2026-11-01 | asked 2026-12-13, waiting for the answer |  |  |',
        '| SHOP-20 | Gift notes | gift buyer | checkout conversion from 2.1% to 2.6% within 6 weeks | 2026-12-13 | review due 2027-01-24 |  |  |',
        '',
        '### Answered (1)',
        '',
        '| Ticket | Summary | For | Promise | Shipped | Status | Measured | Note |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        '| SHOP-12 | One-click gift wrap | gift buyer | checkout conversion from 2.1% to 2.6% within 6 weeks | 2026-10-26 | target hit on 2026-12-10 by Priya Nair | 2.7% | see \\| the \\*dashboard\\* \\<here\\> |',
        '',
      ].join('\n'),
    );
  });

  it('says so when a project has no outcome', async () => {
    const result = await run(['outcomes', '--project', 'VAULT'], await storedOutcomes());
    expect(result).toEqual({ code: 0, stderr: '', stdout: 'Outcomes of VAULT since 2026-09-16\nHit rate: none answered\n\nOverdue (0): none\n\nPending (0): none\n\nAnswered (0): none\n' });
  });

  it('refuses bad input with a clear message and exit 2', async () => {
    const env = await storedOutcomes();
    const cases: Array<[string[], string]> = [
      [['outcomes'], 'centric: centric outcomes needs --project KEY\n'],
      [['outcomes', '--project', 'SHOP-1'], 'centric: --project takes a Jira project key such as SHOP, not "SHOP-1"\n'],
      [['outcomes', '--project', 'SHOP', '--since', '3 months'], 'centric: --since takes a number of days or weeks such as 90d or 12w, not "3 months"\n'],
      [['outcomes', '--project', 'SHOP', '--since', '0d'], 'centric: --since takes a number of days or weeks such as 90d or 12w, not "0d"\n'],
      [['outcomes', '--project', 'SHOP', '--format', 'html'], 'centric: --format must be one of text, json, markdown, not "html"\n'],
    ];
    for (const [args, stderr] of cases) expect(await run(args, env)).toEqual({ code: 2, stdout: '', stderr });
    const unknown = await run(['outcomes', '--project', 'SHOP', '--jql', 'x'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^centric: outcomes has no option --jql \(see centric help outcomes\)\n/);
    expect(await run(['outcomes', '--project', 'SHOP'], { DATABASE_URL: 'sqlite:/nonexistent/c.db' })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'centric: no stored outcomes: DATABASE_URL (sqlite:/nonexistent/c.db) does not exist. Run the bot first, or set DATABASE_URL to its database.\n',
    });
  });
});

describe('centric outcomes --lang', () => {
  it('writes the text in the language asked for: labels, states, the hit rate; dates stay ISO, what people typed as typed', async () => {
    const result = await run(['outcomes', '--project', 'SHOP', '--lang', 'de', '--since', '10d'], await storedOutcomes());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'Ergebnisse von SHOP seit 2026-12-05',
        'Trefferquote: 100\u00a0% (1 erreicht, 0 verfehlt)',
        '',
        'Überfällig (1)',
        'SHOP-9  Saved baskets',
        '    Für: gift buyer',
        '    Versprechen: checkout conversion von 2,1% auf 2,6% within 6 weeks',
        '    Ausgeliefert: 2026-10-28',
        '    Status: gefragt am 2026-12-09, erinnert am 2026-12-12, noch keine Antwort',
        '',
        'Offen (2)',
        'SHOP-21  Gift receipts',
        '    Für: gift buyer',
        '    Versprechen: checkout conversion von 2,1% auf 2,6% within 6 weeks',
        '    Ausgeliefert: 2026-11-01',
        '    Status: gefragt am 2026-12-13, wartet auf die Antwort',
        'SHOP-20  Gift notes',
        '    Für: gift buyer',
        '    Versprechen: checkout conversion von 2,1% auf 2,6% within 6 weeks',
        '    Ausgeliefert: 2026-12-13',
        '    Status: Prüfung fällig am 2027-01-24',
        '',
        'Beantwortet (1)',
        'SHOP-12  One-click gift wrap',
        '    Für: gift buyer',
        '    Versprechen: checkout conversion von 2,1% auf 2,6% within 6 weeks',
        '    Ausgeliefert: 2026-10-26',
        '    Status: Ziel erreicht am 2026-12-10 von Priya Nair',
        '    Gemessen: 2.7%',
        '    Notiz: Held through the sales',
        '',
      ].join('\n'),
    );
  });

  it('writes the Markdown tables in the language, escaping as in English', async () => {
    const env = await storedOutcomes();
    const store = openStore(env.DATABASE_URL!);
    await store.db.updateTable('outcome_reviews').set({ note: 'see | the *dashboard*' }).where('ticket_key', '=', 'SHOP-12').execute();
    await store.close();
    const lines = (await run(['outcomes', '--project', 'SHOP', '--format', 'markdown', '--since', '10d', '--lang', 'fr'], env)).stdout.split('\n');
    expect(lines.slice(0, 8)).toEqual([
      '## Résultats de SHOP depuis le 2026-12-05',
      '',
      '**Taux de réussite\u00a0: 100\u00a0% (1 atteint, 0 manqué)**',
      '',
      '### En retard (1)',
      '',
      '| Ticket | Résumé | Pour | Promesse | Livraison | Statut | Valeur mesurée | Note |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ]);
    expect(lines).toContain('| SHOP-12 | One-click gift wrap | gift buyer | checkout conversion de 2,1% à 2,6% within 6 weeks | 2026-10-26 | objectif atteint le 2026-12-10 par Priya Nair | 2.7% | see \\| the \\*dashboard\\* |');
  });

  it("defaults to the project's language:, else the environment's; refuses an unknown --lang with exit 2", async () => {
    const env = await storedOutcomes();
    expect((await run(['outcomes', '--project', 'VAULT'], { ...env, LANG: 'pt_BR.UTF-8' })).stdout).toBe('Resultados de VAULT desde 2026-09-16\nTaxa de acerto: nenhuma resposta\n\nAtrasadas (0): nenhuma\n\nPendentes (0): nenhuma\n\nRespondidas (0): nenhuma\n');
    const config = join(mkdtempSync(join(tmpdir(), 'centric-outcomes-')), 'centric.yml');
    writeFileSync(config, 'projects:\n  VAULT:\n    language: es\n');
    expect((await run(['outcomes', '--project', 'vault', '--config', config], { ...env, LANG: 'pt_BR.UTF-8' })).stdout.split('\n')[0]).toBe('Resultados de VAULT desde el 2026-09-16');
    expect((await run(['outcomes', '--project', 'VAULT', '--config', config, '--lang', 'en'], env)).stdout.split('\n')[0]).toBe('Outcomes of VAULT since 2026-09-16');
    expect(await run(['outcomes', '--project', 'SHOP', '--lang', 'xx'], env)).toEqual({ code: 2, stdout: '', stderr: 'centric: --lang must be one of en, de, es, fr, it, nl, pt, not "xx"\n' });
  });
});

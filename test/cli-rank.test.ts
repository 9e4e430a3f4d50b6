import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { JIRA, JiraFake, isolateNetwork, resetNetwork } from './helpers/jira-fake.js';

const ENV = { JIRA_BASE_URL: JIRA, JIRA_EMAIL: 'c@acme.io', JIRA_API_TOKEN: 't' };
const FORMULA = 'customer score = benefit × (1 + 0.25 × min(evidence, 4)) × (1 + 0.1 × min(other stories for the persona, 10)) ÷ cost; business = business value ÷ cost';

let jira: JiraFake;
let config: string;
beforeEach(() => {
  isolateNetwork();
  jira = new JiraFake(3);
  jira.install();
  config = join(mkdtempSync(join(tmpdir(), 'centric-rank-')), 'centric.yml');
  writeFileSync(config, 'digest:\n  benefitField: customfield_1\n  costField: customfield_2\nrank:\n  businessValueField: customfield_3\n');
});
afterEach(() => resetNetwork());

const doc = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

function put(key: string, summary: string, role: string, fields: Record<string, unknown>, done = false): void {
  const status = done ? { name: 'Done', statusCategory: { key: 'done' } } : { name: 'To Do', statusCategory: { key: 'new' } };
  jira.put({ key, fields: { summary, description: doc(`As a ${role}, I want to see my ward so that I can plan my shift.`), issuetype: { name: 'Story' }, status, labels: [], attachment: [], ...fields } } as never);
}

function backlog(): void {
  put('SHOP-1', 'Ward overview', 'night nurse', { customfield_1: 6, customfield_2: 3, customfield_3: 10 });
  put('SHOP-2', 'Shift handover', 'night nurse', { customfield_1: 8, customfield_2: 2 });
  put('SHOP-3', 'Rota export', 'ward clerk', { customfield_1: 5, customfield_2: 0, customfield_3: 4 });
  put('SHOP-4', 'Old thing', 'night nurse', { customfield_1: 99, customfield_2: 1 }, true);
}

describe('centric rank', () => {
  it('ranks the open stories of a project, prints the formula, and lists the unrankable ones after', async () => {
    backlog();
    const run = await runCli(['rank', '--project', 'shop', '--config', config], '', ENV);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const search = jira.calls.find((c) => c.path === '/rest/api/3/search/jql')!;
    expect(search.query.get('jql')).toBe('project = "SHOP" AND statusCategory != Done ORDER BY key');
    expect(search.query.get('fields')).toContain('customfield_3');
    expect(run.stdout).toBe(
      [
        'Ranking of SHOP: 3 open stories, 2 ranked',
        `Formula: ${FORMULA}`,
        'Highest customer score first; ties: more evidence first, then the higher lint score, then the ticket key.',
        '',
        '1. SHOP-2  Shift handover',
        '    customer 4.4 · business – · benefit 8 · cost 2 · evidence 0 · for night nurse (1 other story) · lint ' + score(run.stdout, 'SHOP-2'),
        '2. SHOP-1  Ward overview',
        '    customer 2.2 · business 3.33 · benefit 6 · cost 3 · evidence 0 · for night nurse (1 other story) · lint ' + score(run.stdout, 'SHOP-1'),
        '',
        'Not ranked (1)',
        '- (no cost) SHOP-3  Rota export',
        '    customer – · business – · benefit 5 · cost 0 · evidence 0 · for ward clerk (0 other stories) · lint ' + score(run.stdout, 'SHOP-3'),
        '',
      ].join('\n'),
    );
  });

  it('prints JSON with every field, ranks numbered and the unranked ones saying why', async () => {
    backlog();
    const run = await runCli(['rank', '--jql', 'project = SHOP', '--config', config, '--format', 'json'], '', ENV);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ scope: '"project = SHOP"', formula: FORMULA, truncatedAt: null, weights: { evidence: 0.25, evidenceCap: 4, reach: 0.1, reachCap: 10 } });
    expect(json.stories.map((s: { rank: number | null; key: string; unranked: string | null }) => [s.rank, s.key, s.unranked])).toEqual([[1, 'SHOP-2'], [2, 'SHOP-1'], [null, 'SHOP-3']].map(([r, k]) => [r, k, r === null ? 'no cost' : null]));
    expect(Object.keys(json.stories[0]).sort()).toEqual(['benefit', 'businessScore', 'businessValue', 'cost', 'customerScore', 'evidence', 'key', 'metric', 'persona', 'promise', 'rank', 'reach', 'score', 'summary', 'unranked']);
  });

  it('prints a markdown table, escaped', async () => {
    put('SHOP-7', 'Pipe | and *stars*', 'night nurse', { customfield_1: 4, customfield_2: 2 });
    const run = await runCli(['rank', '--project', 'SHOP', '--config', config, '--format', 'markdown'], '', ENV);
    const lint = score(JSON.parse((await runCli(['rank', '--project', 'SHOP', '--config', config, '--format', 'json'], '', ENV)).stdout).stories, 'SHOP-7');
    expect(run.stdout).toContain('| # | Ticket | Summary | Customer ÷ cost | Business ÷ cost | Benefit | Cost | Evidence | Persona | Reach | Promise | Lint |');
    expect(run.stdout).toContain(`| 1 | SHOP-7 | Pipe \\| and \\*stars\\* | 2 | – | 4 | 2 | 0 | night nurse | 0 |  | ${lint} |`);
  });

  it('makes a self-contained HTML page with a chart, escaping every value', async () => {
    put('SHOP-8', '<script>alert("x")</script> & <img src=x onerror=alert(1)>', '<b>hacker</b> "nurse"', { customfield_1: 4, customfield_2: 2 });
    put('SHOP-9', "It's </svg><a href='//evil'>", 'night nurse', { customfield_1: null, customfield_2: 2 });
    const run = await runCli(['rank', '--project', 'SHOP', '--config', config, '--format', 'html'], '', ENV);
    expect(run.code).toBe(0);
    const html = run.stdout;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg role="img" aria-label="Customer score per story"');
    // No tag from a ticket survives: only text, whatever it says.
    expect(html).not.toMatch(/<script|<img|<a[\s>]|<b>/i);
    expect(html).not.toContain('</svg><a');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<td>&lt;b&gt;hacker&lt;/b&gt; &quot;nurse</td>');
    expect(html).toContain('<td>It&#39;s &lt;/svg&gt;&lt;a href=&#39;//evil&#39;&gt;</td>');
    // The chart's label is escaped too (and cut to fit).
    expect(html).toContain('>1. SHOP-8 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;…</text>');
    expect(html).toContain(`<p class="formula">${FORMULA}</p>`);
    expect(html).toContain('<tr class="unranked"><td>no benefit</td><td>SHOP-9</td>');
  });

  it('says what is missing, with exit 2', async () => {
    expect((await runCli(['rank'], '', ENV)).stderr).toBe('centric: centric rank needs --project KEY or --jql "…" (one of them)\n');
    expect((await runCli(['rank', '--project', 'SHOP', '--jql', 'x'], '', ENV)).code).toBe(2);
    expect((await runCli(['rank', '--project', 'SHOP', '--format', 'pdf'], '', ENV)).stderr).toBe('centric: --format must be one of text, json, markdown, html, not "pdf"\n');
    expect((await runCli(['rank', '--project', 'SHOP-1'], '', ENV)).stderr).toBe('centric: --project takes a Jira project key such as SHOP, not "SHOP-1"\n');
  });
});

/** The lint score of a story as the output says it: lint rules change, the ranking's layout does not. */
function score(from: string | Array<{ key: string; score: number }>, key: string): string {
  if (Array.isArray(from)) return String(from.find((s) => s.key === key)!.score);
  const lines = from.split('\n');
  const at = lines.findIndex((l) => l.includes(` ${key}  `));
  return /lint (\S+)$/.exec(lines[at + 1]!)![1]!;
}

describe('centric rank --lang', () => {
  /** Each story's lint score, from the JSON: lint rules change, the ranking's layout does not. */
  const lints = async (): Promise<Array<{ key: string; score: number }>> => JSON.parse((await runCli(['rank', '--project', 'SHOP', '--config', config, '--format', 'json'], '', ENV)).stdout).stories;

  it('writes the text in the language asked for: headline, formula, facts, reasons; decimals as the language writes them', async () => {
    backlog();
    const run = await runCli(['rank', '--project', 'SHOP', '--config', config, '--lang', 'de'], '', ENV);
    const lint = await lints();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'Ranking von SHOP: 3 offene Storys, 2 gerankt',
        'Formel: Kundenpunktzahl = Nutzen × (1 + 0.25 × min(Belege, 4)) × (1 + 0.1 × min(weitere Storys für die Persona, 10)) ÷ Aufwand; Business = Business Value ÷ Aufwand',
        'Höchste Kundenpunktzahl zuerst; bei Gleichstand: mehr Belege zuerst, dann die höhere Lint-Punktzahl, dann der Ticket-Schlüssel.',
        '',
        '1. SHOP-2  Shift handover',
        `    Kunde 4,4 · Business – · Nutzen 8 · Aufwand 2 · Belege 0 · für night nurse (1 weitere Story) · Lint ${score(lint, 'SHOP-2')}`,
        '2. SHOP-1  Ward overview',
        `    Kunde 2,2 · Business 3,33 · Nutzen 6 · Aufwand 3 · Belege 0 · für night nurse (1 weitere Story) · Lint ${score(lint, 'SHOP-1')}`,
        '',
        'Nicht gerankt (1)',
        '- (kein Aufwand) SHOP-3  Rota export',
        `    Kunde – · Business – · Nutzen 5 · Aufwand 0 · Belege 0 · für ward clerk (0 weitere Storys) · Lint ${score(lint, 'SHOP-3')}`,
        '',
      ].join('\n'),
    );
  });

  it("writes the Markdown table in the language (the environment's, else the project's language:), escaped as in English", async () => {
    put('SHOP-7', 'Pipe | and *stars*', 'night nurse', { customfield_1: 4, customfield_2: 0 });
    const lint = score(await lints(), 'SHOP-7');
    const lines = (await runCli(['rank', '--project', 'SHOP', '--config', config, '--format', 'markdown'], '', { ...ENV, LC_MESSAGES: 'fr_FR.UTF-8' })).stdout.split('\n');
    expect(lines[0]).toBe('## Classement de SHOP\u00a0: 1 story ouverte, 0 classée');
    expect(lines).toContain('| # | Ticket | Résumé | Client ÷ coût | Business ÷ coût | Bénéfice | Coût | Preuves | Persona | Portée | Promesse | Lint |');
    expect(lines).toContain(`| pas de coût | SHOP-7 | Pipe \\| and \\*stars\\* | – | – | 4 | 0 | 0 | night nurse | 0 |  | ${lint} |`);
    writeFileSync(config, 'digest:\n  benefitField: customfield_1\n  costField: customfield_2\nprojects:\n  SHOP:\n    language: pt\n');
    const pt = await runCli(['rank', '--project', 'SHOP', '--config', config], '', { ...ENV, LANG: 'fr_FR.UTF-8' });
    expect(pt.stdout.split('\n').slice(0, 1).concat(pt.stdout.split('\n').slice(4, 5))).toEqual(['Ranking de SHOP: 1 história aberta, 0 no ranking', 'Nenhuma história tem ao mesmo tempo um benefício e um custo para ser ranqueada.']);
    expect((await runCli(['rank', '--project', 'SHOP', '--config', config, '--lang', 'en'], '', ENV)).stdout.split('\n')[0]).toBe('Ranking of SHOP: 1 open story, 0 ranked');
  });

  it('refuses an unknown --lang with exit 2, before Jira is asked anything', async () => {
    expect(await runCli(['rank', '--project', 'SHOP', '--lang', 'klingon'], '', ENV)).toEqual({ code: 2, stdout: '', stderr: 'centric: --lang must be one of en, de, es, fr, it, nl, pt, not "klingon"\n' });
    expect(jira.calls).toEqual([]);
  });
});

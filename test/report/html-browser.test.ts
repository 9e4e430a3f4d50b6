/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { JIRA, JiraFake, isolateNetwork, resetNetwork } from '../helpers/jira-fake.js';

/**
 * The HTML report in a real browser: Debian's Chromium (`.ci/run` installs it when missing; set
 * CHROMIUM_PATH for another), driven by puppeteer-core. Screenshots are kept in test-output/.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT = resolve(import.meta.dirname, '../../test-output');
const WIDTHS = [1280, 390];
const ENV = { JIRA_BASE_URL: JIRA, JIRA_EMAIL: 'centric@acme.io', JIRA_API_TOKEN: 'ATATT-browser-secret' };
const adf = (...paragraphs: string[]) => ({ type: 'doc', version: 1, content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

/** Twelve tickets as a real backlog has them: good, weak, empty, a bug, and text that tries to break the page. */
function backlog(jira: JiraFake): number {
  const stories: Array<[string, string[]]> = [
    ['Ward overview for night nurses', ['As a night nurse on a surgical ward, I want to see every bed on one screen, so that I can plan my round in under 5 minutes.', 'Success: round planning time -30% by March.', 'Given a ward, when I open it, then I see all beds.']],
    ['Pay by invoice', ['As a user, I want to pay by invoice.']],
    ['<script>alert("summary")</script><img src=x onerror=alert(1)>', ['As a <b>buyer</b> & "reseller", I want <script>alert(2)</script>, so that I can x.']],
    ['A very long summary without spaces: ' + 'Kundenzufriedenheitsverbesserungsmaßnahmen'.repeat(4), ['As a ' + 'procurement-officer-'.repeat(12) + ', I want to export orders.']],
    ['Export orders as CSV', ['As a shop owner, I want to export my orders as CSV, so that I can do my taxes in one evening.', 'Metric: time to file taxes from 3 h to 1 h by Q2.']],
    ['Refactor the payment service', ['The code is old.']],
    ['Gift wrapping', ['Als Geschenkkäufer möchte ich eine Grußkarte hinzufügen, damit der Beschenkte weiß, von wem das Geschenk ist.']],
    ['Saved carts', ['As a returning customer, I want my cart saved, so that I do not lose my picks.', 'https://www.figma.com/file/abc/cart']],
    ['Empty ticket', []],
    ['Dark mode', ['As a user who works at night, I want a dark theme, so that my eyes do not hurt. Success: support tickets about eye strain -50% by June.']],
  ];
  stories.forEach(([summary, text], i) => jira.put({ key: `SHOP-${i + 1}`, fields: { summary, description: text.length ? adf(...text) : null, issuetype: { name: 'Story' }, project: { key: 'SHOP' }, labels: [], attachment: [] } } as never));
  jira.put({ key: 'SHOP-11', fields: { summary: 'Crash on login', description: null, issuetype: { name: 'Bug' }, project: { key: 'SHOP' }, labels: [], attachment: [] } } as never);
  jira.put({ key: 'SHOP-12', fields: { summary: 'Wishlist', description: adf('As a gift buyer, I want a wishlist, so that I can remember ideas.'), issuetype: { name: 'Story' }, project: { key: 'SHOP' }, labels: [], attachment: [] } } as never);
  return 12;
}

let browser: Browser | undefined;
let file = '';
let tickets = 0;
let folder = '';

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium; .ci/run does it) or set CHROMIUM_PATH.`);
  isolateNetwork();
  const jira = new JiraFake(3);
  jira.pageSize = 50;
  jira.install();
  tickets = backlog(jira);
  folder = mkdtempSync(join(tmpdir(), 'centric-html-'));
  file = join(folder, 'report.html');
  const run = await runCli(['audit', '--jql', 'project = SHOP AND summary !~ "' + 'x'.repeat(120) + '" ORDER BY key', '--html', file], '', ENV);
  expect(run.stderr).toBe(`centric: HTML report written to ${file}\n`);
  resetNetwork();
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    // What the machine's probe found Chromium needs here: no sandbox as root, no background network on a closed network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${join(folder, 'profile')}`],
  });
  mkdirSync(OUTPUT, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Opens the report at a width, gathering every console error, page error and failed request. */
async function open(width: number): Promise<{ page: Page; problems: string[] }> {
  const page = await browser!.newPage();
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  await page.setViewport({ width, height: 900 });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, problems };
}

describe('the HTML report in Chromium', () => {
  it.each(WIDTHS)('at %i px: no console error, charts visible, a row per ticket, nothing wider than the window', async (width) => {
    const { page, problems } = await open(width);
    try {
      await page.screenshot({ path: join(OUTPUT, `html-report-${width}.png`), fullPage: true });
      const facts = await page.evaluate(() => {
        const charts = [...document.querySelectorAll('figure svg')].map((svg) => {
          const box = svg.getBoundingClientRect();
          return { width: box.width, height: box.height, marks: svg.querySelectorAll('path, rect').length };
        });
        const limit = document.documentElement.clientWidth;
        const wider = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > limit + 0.5 && getComputedStyle(el).position !== 'absolute')
          .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className} right=${Math.round(el.getBoundingClientRect().right)}`);
        return {
          charts,
          rows: document.querySelectorAll('#tickets tbody tr').length,
          links: [...document.querySelectorAll('#tickets tbody tr td:first-child a')].map((a) => (a as HTMLAnchorElement).href),
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: limit,
          wider,
          scripts: document.scripts.length,
          injected: document.querySelectorAll('tbody script, tbody img').length,
          hostile: document.querySelector('#tickets tbody tr:nth-child(3) td:nth-child(2)')?.textContent,
        };
      });
      expect(problems).toEqual([]);
      expect(facts.charts).toHaveLength(2);
      for (const chart of facts.charts) {
        expect(chart.width).toBeGreaterThan(200);
        expect(chart.height).toBeGreaterThan(150);
        expect(chart.marks).toBeGreaterThan(10);
      }
      expect(facts.rows).toBe(tickets);
      expect(facts.links).toEqual(Array.from({ length: tickets }, (_, i) => `${JIRA}/browse/SHOP-${i + 1}`));
      expect(facts.wider).toEqual([]);
      expect(facts.scrollWidth).toBeLessThanOrEqual(facts.clientWidth);
      // The ticket's own markup is text: only Centric's one script runs, no ticket element is built.
      expect(facts.scripts).toBe(1);
      expect(facts.injected).toBe(0);
      expect(facts.hostile).toBe('<script>alert("summary")</script><img src=x onerror=alert(1)>');
    } finally {
      await page.close();
    }
  });

  it('sorts by score when the Score header is pressed, up then down', async () => {
    const { page, problems } = await open(1280);
    try {
      // A skipped ticket has no score (''): last, both ways.
      const scores = () => page.$$eval('#tickets tbody tr', (rows) => rows.map((r) => (r as HTMLElement).dataset.score ?? ''));
      const before = await scores();
      const scored = before.filter((s) => s !== '').map(Number);
      const unscored = before.filter((s) => s === '');
      expect(unscored).toHaveLength(1);
      await page.click('button[data-sort="score"]');
      expect(await scores()).toEqual([...[...scored].sort((a, b) => a - b).map(String), ...unscored]);
      expect(await page.$eval('th[aria-sort]', (th) => th.getAttribute('aria-sort'))).toBe('ascending');
      await page.click('button[data-sort="score"]');
      expect(await scores()).toEqual([...[...scored].sort((a, b) => b - a).map(String), ...unscored]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('prints: a PDF of the page, without the sort button looking like one', async () => {
    const { page, problems } = await open(1280);
    try {
      await page.emulateMediaType('print');
      expect(await page.$eval('button[data-sort]', (b) => getComputedStyle(b).color)).toBe(await page.$eval('th', (th) => getComputedStyle(th).color));
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      writeFileSync(join(OUTPUT, 'html-report.pdf'), pdf);
      expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

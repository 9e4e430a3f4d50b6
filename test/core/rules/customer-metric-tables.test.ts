import { describe, expect, it } from 'vitest';
import { lintIssue } from '../../../src/core/lint.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import type { Finding } from '../../../src/core/types.js';
import { finding } from '../../helpers/lint.js';
import { doc, issue, para, text } from '../../helpers/issues.js';
import { NURSE_STORIES } from '../../helpers/nurse-stories.js';

type Node = Record<string, unknown>;
const cellNode = (type: 'tableHeader' | 'tableCell', value: string): Node => ({ type, attrs: {}, content: value ? [para(text(value))] : [] });

/** The same table as ADF (first row as tableHeader cells), wiki markup, Markdown pipes and bare pipe lines. */
function formats(story: string, rows: string[][]): Record<string, unknown> {
  const [head, ...body] = rows;
  const adf = doc(para(text(story)), {
    type: 'table',
    attrs: {},
    content: [
      { type: 'tableRow', content: head!.map((c) => cellNode('tableHeader', c)) },
      ...body.map((r) => ({ type: 'tableRow', content: r.map((c) => cellNode('tableCell', c)) })),
    ],
  });
  const wiki = [story, '', `||${head!.join('||')}||`, ...body.map((r) => `|${r.join('|')}|`)].join('\n');
  const markdown = [story, '', `| ${head!.join(' | ')} |`, `|${head!.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  const pipes = [story, '', ...rows.map((r) => r.join(' | '))].join('\n');
  return { adf, wiki, markdown, pipes };
}

const metricFinding = (description: unknown): Finding | undefined => finding('customer-metric', description);

const STORIES = NURSE_STORIES;

/** Heading row and one data row per language: metric, today, target, with no unit in the target column. */
const KPI_TABLES: Record<string, string[][]> = {
  en: [['Metric', 'Today', 'Target'], ['Checkout conversion', '2.1', '2.6']],
  de: [['Kennzahl', 'Heute', 'Ziel'], ['Wartezeit am Empfang', '14', '7']],
  es: [['Métrica', 'Hoy', 'Objetivo'], ['Tiempo de espera', '14', '7']],
  fr: [['Indicateur', 'Aujourd’hui', 'Objectif'], ['Taux de rebond', '48', '40']],
  it: [['Metrica', 'Oggi', 'Obiettivo'], ['Tasso di abbandono', '48', '40']],
  nl: [['KPI', 'Nu', 'Doel'], ['Wachttijd', '14', '7']],
  pt: [['Métrica', 'Hoje', 'Meta'], ['Taxa de abandono', '48', '40']],
};

describe('customer-metric reads a KPI table row by row, in ADF, wiki markup and plain text', () => {
  for (const [lang, rows] of Object.entries(KPI_TABLES)) {
    for (const [format, description] of Object.entries(formats(STORIES[lang]!, rows))) {
      it(`${lang} ${format}: a row with the metric and a number under the target heading is a metric with a target`, () => {
        expect(metricFinding(description)).toBeUndefined();
      });
    }
  }

  it.each(Object.entries(formats(STORIES.en!, [['Metric', 'Today', 'Target'], ['Checkout conversion', '2.1%', 'TBD']])))(
    '%s: a baseline without a target is a named metric with no target (the Today column is no target)',
    (_format, description) => {
      expect(metricFinding(description)).toMatchObject({ severity: 'warn', message: 'Names a customer metric (conversion) but no target.' });
    },
  );

  it.each(Object.entries(formats(STORIES.en!, [['Metric', 'Target'], ['Orders per shift', '12']])))(
    '%s: a metric the vocabulary does not know counts under a "Metric" heading',
    (_format, description) => {
      expect(metricFinding(description)).toBeUndefined();
    },
  );

  it.each(Object.entries(formats(STORIES.en!, [['Metric', 'Target'], ['Orders per shift', 'to be agreed']])))(
    '%s: and is named, as written, when its target is missing',
    (_format, description) => {
      expect(metricFinding(description)?.message).toBe('Names a customer metric (orders per shift) but no target.');
    },
  );

  it.each(Object.entries(formats(STORIES.de!, [['Abbruchquote', 'Ziel Q3'], ['Mobil', '-20 %']])))(
    '%s: a metric heading a table with a target column takes the targets of the rows under it',
    (_format, description) => {
      expect(metricFinding(description)).toBeUndefined();
    },
  );

  it('a table without headings still counts row by row', () => {
    const wiki = `${STORIES.en}\n\n|Checkout conversion|+3%|\n|Page views|many|`;
    expect(metricFinding(wiki)).toBeUndefined();
    const adf = doc(para(text(STORIES.en!)), {
      type: 'table',
      content: [{ type: 'tableRow', content: [cellNode('tableCell', 'Checkout conversion'), cellNode('tableCell', '+3%')] }],
    });
    expect(metricFinding(adf)).toBeUndefined();
  });

  it('a metric in one row and a number in another row are not a metric with a target', () => {
    const wiki = `${STORIES.en}\n\n|Checkout conversion|soon|\n|Page size|+3%|`;
    expect(metricFinding(wiki)?.message).toBe('Names a customer metric (conversion) but no target.');
  });

  it('a table without any metric is no metric, whatever its numbers', () => {
    const wiki = `${STORIES.en}\n\n||Step||Owner||Days||\n|Design|Priya|3|\n|Build|Marek|5|`;
    expect(metricFinding(wiki)?.severity).toBe('error');
  });

  it('gives the same verdict for the same table in every format', () => {
    const verdicts = (rows: string[][]) =>
      Object.values(formats(STORIES.en!, rows)).map((d) => JSON.stringify(lintIssue(issue(d), DEFAULT_CONFIG).findings?.find((f) => f.rule === 'customer-metric') ?? null));
    for (const rows of [KPI_TABLES.en!, [['Metric', 'Today', 'Target'], ['Checkout conversion', '2.1%', 'TBD']], [['Step', 'Days'], ['Design', '3']]]) {
      expect(new Set(verdicts(rows)).size).toBe(1);
    }
  });

  it('reads a status lozenge in a wiki KPI table as one cell, not two', () => {
    const wiki = `${STORIES.en}\n\n||Metric||Status||Target||\n|Checkout conversion|{status:colour=Green|title=On track}|2.6|`;
    expect(metricFinding(wiki)).toBeUndefined();
  });

  it('stays linear on a hostile table of 5,000 rows', () => {
    const rows = Array.from({ length: 5_000 }, () => '|missed deliveries|soon|').join('\n');
    const started = performance.now();
    expect(metricFinding(`${STORIES.en}\n\n||Metric||Target||\n${rows}`)?.severity).toBe('warn');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

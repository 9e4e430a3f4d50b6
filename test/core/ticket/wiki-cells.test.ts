import { describe, expect, it } from 'vitest';
import { normalise } from '../../../src/core/ticket/normalise.js';
import { cellSpans, readWiki } from '../../../src/core/ticket/wiki.js';
import { doc, issue, para, text } from '../../helpers/issues.js';

const cells = (row: string): string[] => cellSpans(row).map(([s, e]) => row.slice(s, e));

describe('wiki table cells', () => {
  it('does not split a status macro, a link or an image at the bar in its parameters', () => {
    expect(cells('|Checkout|{status:colour=Green|title=Done}|2.6%|')).toEqual(['', 'Checkout', '{status:colour=Green|title=Done}', '2.6%', '']);
    expect(cells('|see [the board|https://miro.com/x]|ok|')).toEqual(['', 'see [the board|https://miro.com/x]', 'ok', '']);
    expect(cells('|!flow.png|thumbnail!|Target|')).toEqual(['', '!flow.png|thumbnail!', 'Target', '']);
    expect(cells('||Metric||Target||')).toEqual(['', 'Metric', 'Target', '']);
    expect(cells('|a\\|b|c|')).toEqual(['', 'a\\|b', 'c', '']);
  });

  it('still splits where markup does not close on the row or is no markup', () => {
    expect(cells('|{open|b|')).toEqual(['', '{open', 'b', '']);
    expect(cells('|Great!|Wow!|')).toEqual(['', 'Great!', 'Wow!', '']);
    expect(cells('|[a|b|')).toEqual(['', '[a', 'b', '']);
  });

  it('reads the status lozenge as its title, in one cell, with its row and column', () => {
    expect(readWiki('||Metric||Status||\n|Conversion|{status:colour=Green|title=Done}|').blocks).toEqual([
      { kind: 'tableCell', text: 'Metric', cell: { row: 0, column: 0 } },
      { kind: 'tableCell', text: 'Status', cell: { row: 0, column: 1 } },
      { kind: 'tableCell', text: 'Conversion', cell: { row: 1, column: 0 } },
      { kind: 'tableCell', text: 'Done', cell: { row: 1, column: 1 } },
    ]);
  });

  it('numbers rows from 0 again in a table after a paragraph', () => {
    const blocks = readWiki('|a|\n|b|\n\nText\n|c|').blocks;
    expect(blocks.map((b) => b.cell?.row ?? null)).toEqual([0, 1, null, 0]);
  });

  it('gives the same cells, rows and columns as the same table in ADF', () => {
    const cell = (type: string, value: string) => ({ type, content: [para(text(value))] });
    const adf = doc({
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', 'Metric'), cell('tableHeader', 'Target')] },
        { type: 'tableRow', content: [cell('tableCell', 'Conversion'), cell('tableCell', '+3%')] },
      ],
    });
    expect(normalise(issue('||Metric||Target||\n|Conversion|+3%|')).description).toEqual(normalise(issue(adf)).description);
  });

  it('stays linear on rows of unclosed or far-closing markup', () => {
    for (const row of [`|${'{'.repeat(100_000)}`, `|${'[a|'.repeat(33_000)}`, `|${'!a|'.repeat(33_000)}`, `|${'{x|'.repeat(30_000)}}`]) {
      const started = performance.now();
      cellSpans(row);
      expect(performance.now() - started).toBeLessThan(200);
    }
  });
  it('reads a row of more than 100 cells as 100: the rest of the row is the last cell', () => {
    const row = `|${Array.from({ length: 150 }, (_, i) => `c${i}`).join('|')}|`;
    const blocks = readWiki(row).blocks;
    expect(blocks).toHaveLength(100);
    expect(blocks[98]).toEqual({ kind: 'tableCell', text: 'c98', cell: { row: 0, column: 98 } });
    expect(blocks[99]!.text).toBe(Array.from({ length: 51 }, (_, i) => `c${i + 99}`).join('|'));
  });
});

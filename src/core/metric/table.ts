import type { CompiledConfig } from '../compile.js';
import type { TextBlock } from '../types.js';
import { metricMentions } from './mentions.js';
import { hasTarget, scrub } from './promise.js';

/** A table as rows of cell texts; a cell the writer left empty is ''. */
export type Table = string[][];

/** A Markdown rule row ("|---|:---:|"): no content. */
const RULE_CELL = /^\s*:?-{2,}:?\s*$/;

/** The cells of a plain-text table line ("Checkout conversion | 2.1% | 2.6%"), outer bars dropped. */
function lineCells(line: string): string[] {
  const cells = line.split('|').map((c) => c.trim());
  if (cells[0] === '') cells.shift();
  if (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

/** Plain-text tables in a paragraph: consecutive lines with a bar, as a writer types one. */
function textTables(text: string, into: Table[]): void {
  if (!text.includes('|')) return;
  let table: Table = [];
  const close = (): void => {
    if (table.length > 0) into.push(table);
    table = [];
  };
  for (const line of text.split('\n')) {
    if (!line.includes('|')) {
      close();
      continue;
    }
    const cells = lineCells(line);
    if (!cells.every((c) => RULE_CELL.test(c))) table.push(cells);
  }
  close();
}

/**
 * The tables of a ticket, row by row: ADF and wiki cells carry their row and column, plain-text
 * tables are lines with bars. Every block is looked at once.
 */
export function tablesOf(blocks: TextBlock[]): Table[] {
  const tables: Table[] = [];
  let table: Table | null = null;
  let last: { row: number; column: number } | null = null;
  for (const block of blocks) {
    const { cell } = block;
    if (!cell) {
      table = last = null;
      if (block.kind === 'paragraph') textTables(block.text, tables);
      continue;
    }
    // A row index that goes back, or a column that does in the same row, starts another table.
    if (!table || !last || cell.row < last.row || (cell.row === last.row && cell.column < last.column)) {
      table = [];
      tables.push(table);
    }
    if (!last || cell.row !== last.row || table.length === 0) table.push([]);
    const row = table[table.length - 1]!;
    while (row.length <= cell.column) row.push('');
    row[cell.column] = row[cell.column] ? `${row[cell.column]} ${block.text.replace(/\s+/g, ' ')}` : block.text.replace(/\s+/g, ' ');
    last = cell;
  }
  return tables;
}

interface Columns {
  metric: Set<string>;
  target: Set<string>;
}

const columnWords = new WeakMap<CompiledConfig, Columns>();

function columnsOf(compiled: CompiledConfig): Columns {
  let columns = columnWords.get(compiled);
  if (!columns) {
    const vocabularies = compiled.languages.map((l) => l.vocab);
    const lower = (list: string[]): Set<string> => new Set(list.map((w) => w.toLowerCase()));
    columns = { metric: lower(vocabularies.flatMap((v) => v.metricColumns)), target: lower(vocabularies.flatMap((v) => v.targetColumns)) };
    columnWords.set(compiled, columns);
  }
  return columns;
}

const MAX_HEADING = 80;

/** Whether a heading names a column of the set: "Target", "Target (Q3):", "Ziel Q3", "KPI". */
function names(set: Set<string>, heading: string): boolean {
  // A column name is a few words: a longer cell names none (and a run of ":" stays cheap to trim).
  if (heading.length > MAX_HEADING) return false;
  const words = heading.toLowerCase().replace(/\(.*$/, '').replace(/[:*_\s]+$/g, '').trim();
  return set.has(words) || set.has(words.split(/\s+/)[0]!);
}

const MAX_NAME = 60;
const HAS_DIGIT = /\d/;
/** A number standing alone, not in a word: "Q3" or "H1" can be a heading, "2.1" cannot. */
const HAS_NUMBER = /(?<!\p{L})\d/u;

export interface TableVerdict {
  /** A row holds a metric and its target. */
  met: boolean;
  /** The first metric a row names, when none has a target. */
  named: string | null;
  /** The row that holds the metric and its target, its cells joined by " | ". */
  row?: string;
}

/**
 * Judges every row of a table as one unit, as a product manager reads a KPI table: a row that
 * names a metric (a known one, or one under a "Metric" heading, or one heading a "Target" column) and a
 * target (in its "Target" column when the table has one, anywhere in the row when not) is a
 * metric with a target. The first row is the headings when no cell of it holds a digit.
 */
export function judgeTable(table: Table, compiled: CompiledConfig): TableVerdict {
  const columns = columnsOf(compiled);
  const head = table[0] ?? [];
  const isHeading = head.length > 0 && !head.some((c) => HAS_NUMBER.test(c));
  const metricColumn = isHeading ? head.findIndex((h) => names(columns.metric, h)) : -1;
  const targetColumn = isHeading ? head.findIndex((h) => names(columns.target, h)) : -1;
  // "Conversion | Target" over "Mobile | 3%": the heading names the metric of every row.
  const headMetric = targetColumn >= 0 ? metricMentions(head.join(' | '), compiled.metrics).find((m) => m.strong)?.metric ?? null : null;
  let named: string | null = null;
  for (let r = isHeading ? 1 : 0; r < table.length; r++) {
    const cells = table[r]!;
    const rowText = cells.join(' | ');
    const mentions = metricMentions(rowText, compiled.metrics);
    const declared = metricColumn >= 0 && /\p{L}/u.test(cells[metricColumn] ?? '') ? cells[metricColumn]!.slice(0, MAX_NAME).toLowerCase() : null;
    const name = mentions.find((m) => m.strong)?.metric ?? declared ?? headMetric;
    const target = targetColumn >= 0 ? HAS_DIGIT.test(scrub(cells[targetColumn] ?? '')) || hasTarget(cells[targetColumn] ?? '', compiled) : hasTarget(rowText, compiled);
    if (target && (name || mentions.length > 0)) return { met: true, named: name ?? mentions[0]!.metric, row: rowText };
    named ??= name;
  }
  return { met: false, named };
}

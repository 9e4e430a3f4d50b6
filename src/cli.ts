import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createColors } from 'picocolors';
import { InputError, readIssueList } from './cli/read-issues.js';
import { AuditUsageError } from './cli/usage-error.js';
import { EnvError } from './config/env-error.js';
import { ConfigError, loadConfig, yaml } from './config/load.js';
import { toConfigFile } from './core/config-schema.js';
import { lintEach, lintIssues, passes, summarise, summariseTallies, tallyOf, type IssueList, type Tally } from './core/lint.js';
import { jsonClosing, jsonReportPiece, renderJson } from './core/render/json.js';
import { renderMarkdown } from './core/render/markdown.js';
import { renderText, type Palette } from './core/render/text.js';
import type { Locale } from './core/i18n/locales.js';
import { runLanguage, unknownLang } from './cli/lang.js';
import type { JiraIssue } from './core/ticket/normalise.js';
import type { Report } from './core/types.js';
import { errorText } from './runtime/errors.js';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** The time now; Date.now unless a test fixes it. */
  clock?: () => number;
}

/** Each command's usage: what `centric help <command>` and `centric <command> --help` print. */
const COMMANDS: Record<string, string> = {
  lint: `centric lint [FILE…] [--format text|json|markdown] [--lang en|de|es|fr|it|nl|pt] [--config PATH]
      Lints Jira issues (one issue, an array, a search response or NDJSON; stdin when no FILE or "-").
      --lang: the findings' language; default the environment's (LC_ALL, LC_MESSAGES, LANG) when
      one of these, else each ticket's own. Exit status: 0 no error finding, 1 at least one, 2 usage or input error.`,
  audit: `centric audit --jql "JQL" | --project KEY [--format text|json|markdown] [--lang CODE] [--write] [--html FILE] [--config PATH]
      Lints what a Jira search returns (Jira credentials from the environment or .env). --write
      posts or updates the sticky comments (in each ticket's language, as the bot writes them);
      --html writes a shareable report with charts; --lang as for lint.`,
  digest: `centric digest --project KEY [--since 7d] | --jql "JQL" [--format markdown|json] [--lang CODE] [--config PATH]
      The customer-centricity digest: from the stored reports (DATABASE_URL), or from Jira now.
      --lang: the Markdown's language; default the project's language: in centric.yml, else the
      environment's (LC_ALL, LC_MESSAGES, LANG) when one of these, else English.`,
  outcomes: `centric outcomes --project KEY [--since 90d|12w] [--format text|json|markdown] [--lang CODE] [--config PATH]
      Outcome reviews from the stored data (DATABASE_URL), for retrospectives: overdue, pending,
      and answered since then (promise, answer, measured value, note, who answered); the hit rate.
      --lang as for digest.`,
  rank: `centric rank --project KEY | --jql "JQL" [--format text|json|markdown|html] [--lang CODE] [--config PATH]
      The open stories ranked for the prioritisation meeting, from Jira now: customer benefit ÷ cost
      (boosted by evidence and persona reach; the formula is printed), business value ÷ cost beside it.
      --lang as for digest (text and markdown; JSON and the HTML page stay English).`,
  config: `centric config --print [--config PATH]
      Prints the effective configuration (defaults with centric.yml laid over them).`,
  help: `centric help [COMMAND]
      This help, or one command's (also: centric COMMAND --help). centric --version prints the version.`,
};

// Own keys only: "constructor" or "__proto__" is no command.
const isCommand = (name: string | undefined): name is string => name !== undefined && Object.hasOwn(COMMANDS, name);
const usageOf = (command: string): string => `Usage:\n  ${COMMANDS[command]}`;
const USAGE = `Usage:\n${Object.values(COMMANDS)
  .map((u) => `  ${u}`)
  .join('\n')}`;

const FORMATS = ['text', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

class UsageError extends Error {}

// Bytes, not text: a large array of issues is decoded one issue at a time (readIssueList).
async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

function readSource(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? 'unknown error'})`;
    throw new InputError(`${file}: ${reason}`);
  }
}

async function collectIssues(files: string[], io: CliIo): Promise<IssueList> {
  const sources = files.length > 0 ? files : ['-'];
  const lists: IssueList[] = [];
  for (const source of sources) {
    if (source === '-') {
      if (io.stdin.isTTY) throw new UsageError('no input: give a FILE, or pipe Jira issue JSON to stdin');
      lists.push(readIssueList(await readStream(io.stdin), '<stdin>'));
    } else {
      lists.push(readIssueList(readSource(source), source));
    }
  }
  return lists.length === 1 ? lists[0]! : concatLists(lists);
}

/** The issues of several inputs as one list, in the order given. */
function concatLists(lists: IssueList[]): IssueList {
  const owner: Array<[IssueList, number]> = lists.flatMap((list) => Array.from({ length: list.length }, (_, i): [IssueList, number] => [list, i]));
  const typeAt = (i: number) => {
    const [list, at] = owner[i]!;
    return list.typeAt ? list.typeAt(at) : (list.at(at)?.fields.issuetype?.name ?? '');
  };
  return { length: owner.length, at: (i) => (owner[i] ? owner[i][0].at(owner[i][1]) : undefined), typeAt };
}

function palette(io: CliIo): Palette {
  const enabled = io.stdout.isTTY === true && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
  const c = createColors(enabled);
  return { red: c.red, yellow: c.yellow, green: c.green, dim: c.dim, bold: c.bold };
}

/** The reports in the chosen format; the text and Markdown reports' own words in `locale` (English when each ticket has its own). */
function renderReports(reports: Report[], format: string, io: CliIo, locale?: Locale): string {
  const result = { reports, summary: summarise(reports) };
  return format === 'json' ? renderJson(result) : format === 'markdown' ? renderMarkdown(result, locale) : renderText(result, palette(io), locale);
}

/** `centric help` (every command) or `centric help COMMAND` (that one). */
function helpCommand(args: string[], io: CliIo): number {
  const [topic] = args;
  if (topic === undefined) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!isCommand(topic)) throw new UsageError(`no command "${topic}": the commands are ${Object.keys(COMMANDS).join(', ')}`);
  io.stdout.write(`${usageOf(topic)}\n`);
  return 0;
}

/**
 * A usage error in one line: Node's own message for an unknown option suggests quoting it after
 * "--" with unbalanced quotes; what a person needs is which option and where to read about them.
 */
function usageMessage(err: unknown, command: string | undefined): string {
  const code = (err as { code?: string }).code;
  const option = /option '([^']+)'/i.exec(errorText(err))?.[1];
  const known = command !== undefined && isCommand(command);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return known ? `${command} has no option ${option} (see centric help ${command})` : `no option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option && /does not take an argument/.test(errorText(err))) return `${known ? `${command}: ` : ''}${option.replace(/^-\w, /, '')} takes no value`;
  const positional = /argument '([^']*)'/i.exec(errorText(err))?.[1];
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && positional !== undefined) return known ? `${command} takes no argument "${positional}" (see centric help ${command})` : `unexpected argument "${positional}"`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) return `${known ? `${command}: ` : ''}${option.replace(/^-\w, /, '').replace(/ <value>$/, '')} needs a value`;
  return errorText(err);
}

/** The version in package.json, found above this file (src/, dist/ or dist/bundle/). */
function version(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown';
    if (dirname(dir) === dir) return 'unknown';
  }
}

async function lintCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', short: 'f', default: 'text' }, lang: { type: 'string' }, config: { type: 'string', short: 'c' } },
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
  const locale = runLanguage(values.lang, io.env) ?? undefined;
  if (locale === undefined && values.lang !== undefined) throw new UsageError(unknownLang(values.lang));
  const config = loadConfig(values.config ?? (io.env.CENTRIC_CONFIG || undefined));
  const issues = await collectIssues(positionals, io);
  if (format !== 'json') {
    const result = lintIssues(issues, config, locale);
    io.stdout.write(renderReports(result.reports, format, io, locale));
    return result.reports.some((r) => !r.skipped && !passes(r)) ? 1 : 0;
  }
  // Each issue is read when it is linted, and what the summary counts is kept instead of the
  // reports (their text holds on to the tickets' text): a run over 10,000 issues never holds them
  // all. The report's pieces are kept as UTF-8 bytes (half what the same text takes as a string)
  // and written at the end, so a failure halfway leaves no cut-off JSON.
  const tallies: Tally[] = [];
  const pieces: Buffer[] = [];
  lintEach(
    issues,
    config,
    (report, i) => {
      tallies.push(tallyOf(report));
      pieces.push(Buffer.from(jsonReportPiece(report, i)));
    },
    locale,
  );
  pieces.push(Buffer.from(jsonClosing(summariseTallies(tallies), tallies.length)));
  writePieces(io.stdout, pieces);
  return tallies.some((t) => !t.skipped && !t.passes) ? 1 : 0;
}

/** Writes the pieces a megabyte at a time: fewer writes than one a piece, no copy of the whole. */
function writePieces(stream: NodeJS.WritableStream, pieces: Buffer[]): void {
  let chunk: Buffer[] = [];
  let size = 0;
  for (const piece of pieces) {
    chunk.push(piece);
    size += piece.length;
    if (size >= 1 << 20) {
      stream.write(Buffer.concat(chunk, size));
      [chunk, size] = [[], 0];
    }
  }
  if (chunk.length > 0) stream.write(Buffer.concat(chunk, size));
}

function configCommand(args: string[], io: CliIo): number {
  const { values } = parseArgs({ args, options: { print: { type: 'boolean' }, config: { type: 'string', short: 'c' } } });
  if (!values.print) throw new UsageError('centric config takes --print');
  // Printed as a centric.yml would say it, so the output can be saved and edited as one.
  io.stdout.write(yaml().stringify(toConfigFile(loadConfig(values.config ?? (io.env.CENTRIC_CONFIG || undefined)))));
  return 0;
}

/** Runs the CLI and returns its exit status; never throws, never prints a stack trace. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    // `centric lint --help` (before any "--", after which a "--help" is a file name) is `centric help lint`.
    const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
    if (command && isCommand(command) && (options.includes('--help') || options.includes('-h'))) return helpCommand([command], io);
    switch (command) {
      case 'lint':
        return await lintCommand(rest, io);
      case 'config':
        return configCommand(rest, io);
      // The commands that reach Jira or the database load their clients only when run: linting a
      // file never pays for jira.js, Kysely and the database drivers.
      case 'audit':
        return await (await import('./cli/audit.js')).runAudit(rest, io, (reports, format, locale) => renderReports(reports, format, io, locale));
      case 'digest':
        return await (await import('./cli/digest.js')).runDigest(rest, io);
      case 'outcomes':
        return await (await import('./cli/outcomes.js')).runOutcomes(rest, io);
      case 'rank':
        return await (await import('./cli/rank.js')).runRank(rest, io);
      case 'help':
      case '--help':
      case '-h':
        return helpCommand(rest, io);
      case '--version':
      case '-V':
      case '-v':
      case 'version':
        io.stdout.write(`centric ${version()}\n`);
        return 0;
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (err) {
    if (err instanceof InputError || err instanceof ConfigError || err instanceof AuditUsageError) {
      io.stderr.write(`centric: ${err.message}\n`);
    } else if (err instanceof EnvError) {
      io.stderr.write(`centric: set these environment variables (or put them in .env):\n${err.problems.map((p) => `  ${p}\n`).join('')}`);
    } else if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      // The usage of the command that was run, or of all when there was none.
      const usage = command && isCommand(command) ? usageOf(command) : USAGE;
      io.stderr.write(`centric: ${usageMessage(err, command)}\n\n${usage}\n`);
    } else {
      io.stderr.write(`centric: unexpected error: ${errorText(err)}\n`);
    }
    return 2;
  }
}

import type { BenefitKind } from './benefit/benefit-kind.js';
import type { MetricPromise } from './metric/promise.js';

/** Shapes shared by the whole core. Nothing here does I/O. */
import type { RuleId } from './rules/index.js';

export type Severity = 'error' | 'warn';
export type RuleSetting = Severity | 'off';

// Derived from the rule registry: a rule's id is declared once, in its file.
export { RULE_IDS, type RuleId } from './rules/index.js';

export type BlockKind = 'heading' | 'paragraph' | 'listItem' | 'code' | 'quote' | 'tableCell';

/** One unit of text the rules read: a heading, a paragraph, a list item… kept apart. */
export interface TextBlock {
  kind: BlockKind;
  text: string;
  /**
   * Where a block inside a table stands: its row (0 for the table's first) and column. A row is
   * read as one unit ("Checkout conversion | 2.1% | 2.6%"), the first row as the headings.
   */
  cell?: { row: number; column: number };
  /**
   * The links whose address the text does not show: an ADF link on other words or a wiki
   * [words|address] (`text`: those words), an ADF card after the block (`text`: ''). Kept so a
   * reader can tell which line links what (a PR/FAQ link on its "PR/FAQ:" line); absent when none.
   */
  links?: BlockLink[];
}

/** A link a block holds, by the words it is on. */
export interface BlockLink {
  text: string;
  url: string;
}

export interface Attachment {
  filename: string;
  mimeType: string;
}

/** A Jira issue reduced to what the rules read, whatever format its description came in. */
export interface Ticket {
  key: string;
  project: string;
  summary: string;
  issueType: string;
  status: string | null;
  description: TextBlock[];
  acceptanceCriteria: TextBlock[];
  /** URLs found in link marks, cards and bare text. */
  links: string[];
  /** Embedded images: media nodes in ADF, `!file.png!` in wiki markup. */
  images: string[];
  attachments: Attachment[];
  /** The issues linked to this one (Jira's issue links), either direction: their key and type. */
  linkedIssues: LinkedIssue[];
  labels: string[];
  components: string[];
  /** The issue above this one (Jira Cloud's `parent`: a story's epic); null when none. */
  parent: LinkedIssue | null;
  reporter: Person | null;
  assignee: Person | null;
  /** True when the description was larger or deeper than the normaliser reads. */
  truncated: boolean;
}

export interface LinkedIssue {
  key: string;
  issueType: string;
}

export interface Person {
  accountId: string | null;
  displayName: string | null;
  email: string | null;
}

export interface Story {
  /**
   * A user story ("As a …, I want …") or a job story ("When …, I want …, so I can …"). The parser
   * always sets it; optional only because reports stored before job stories lack it (read as 'user').
   */
  kind?: 'user' | 'job';
  /** '' for a job story: it names no role, its situation says who and when. */
  role: string;
  /** A job story's situation, without its marker ("I'm re-ordering supplies at the end of a night shift"). */
  situation?: string;
  goal: string;
  benefit: string | null;
  language: string;
  /** The name the role was given with ("Maria" of "As Maria, a gift buyer"); absent when none. */
  name?: string;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  hint: string;
  /**
   * The URL of the rule's README section. Every finding lint() makes has one; optional only
   * because reports stored before it existed do not.
   */
  link?: string;
}

export interface Report {
  key: string;
  skipped: boolean;
  score?: number;
  story?: Story | null;
  findings?: Finding[];
  /** The customer metric's promise, when customer-metric passes (the outcome review reads it). */
  metric?: MetricPromise;
  /** Whose benefit the story's "so that …" states; present when the story has a benefit clause. */
  benefit?: { kind: BenefitKind };
  /** How many distinct evidence items customer-evidence found (links, sections, verbatims, linked issues); never what they say. */
  evidence?: { count: number };
  /**
   * An epic's answers to the customer questions (working-backwards): the customer it names
   * (normalised like a story's role), its metric's name, the questions left open, and the PR/FAQ
   * that answers them (its link, or "description"); present when working-backwards lints the ticket.
   */
  epic?: EpicReport;
  /**
   * The customer-journey stage the story serves (centric.yml `journey`), its KPIs, and whether the
   * stated metric is one of them (null when no metric with a target is stated); absent when no stage matched.
   */
  journey?: JourneyReport;
  /** The stage's name, as `journey.stage` (the report contract's field); absent when no stage matched. */
  journeyStage?: string;
}

export interface JourneyReport {
  stage: string;
  kpis: string[];
  metricInStage: boolean | null;
}

export interface EpicReport {
  persona: string | null;
  metric: string | null;
  /** Question ids, in the order they are asked: customer, problem, benefit, metric, experience. */
  missing: Array<'customer' | 'problem' | 'benefit' | 'metric' | 'experience'>;
  prfaq: string | null;
}

export interface Summary {
  tickets: number;
  linted: number;
  skipped: number;
  passing: number;
  averageScore: number | null;
}

export interface LintResult {
  reports: Report[];
  summary: Summary;
}

/**
 * What Centric's own Jira account must be allowed to do, and a small cache of Jira's answers to
 * "may this person do that?". Permission keys are Jira's (the same on Cloud and Data Center).
 */

/** A permission Centric's account needs, with what stops working without it (for `--check` and the start-up warning). */
export interface NeededPermission {
  key: string;
  /** Its name in Jira's permission screens. */
  name: string;
  scope: 'global' | 'project';
  /** What breaks without it, in a sentence a Jira admin can act on. */
  breaks: string;
}

/**
 * Every permission Centric's account needs. Project permissions are asked in the global context,
 * where Jira reports one as held when the account holds it in at least one project.
 */
export const NEEDED_PERMISSIONS: readonly NeededPermission[] = [
  { key: 'BROWSE_PROJECTS', name: 'Browse projects', scope: 'project', breaks: 'Centric cannot read tickets: nothing is linted, searched or digested' },
  { key: 'ADD_COMMENTS', name: 'Add comments', scope: 'project', breaks: "Centric cannot post its comment on a ticket, so findings never reach Jira" },
  { key: 'EDIT_OWN_COMMENTS', name: 'Edit own comments', scope: 'project', breaks: 'Centric cannot update its comment when a ticket changes, so the comment goes stale' },
  { key: 'DELETE_OWN_COMMENTS', name: 'Delete own comments', scope: 'project', breaks: 'Centric cannot remove its comment once a ticket passes (jira.onPass: remove)' },
  { key: 'DELETE_ALL_COMMENTS', name: 'Delete all comments', scope: 'project', breaks: "Centric cannot delete the one-time link code a person posts as a comment, so the code stays on the ticket" },
  { key: 'EDIT_ISSUES', name: 'Edit issues', scope: 'project', breaks: 'Fix it and Not a story fail, and the needs-work label is never set' },
  {
    key: 'ADMINISTER_PROJECTS',
    name: 'Administer projects',
    scope: 'project',
    breaks: "Jira does not tell Centric who may browse or edit a ticket (find users with permissions), so Centric refuses every /centric check, digest, Fix it and Not a story",
  },
  {
    key: 'USER_PICKER',
    name: 'Browse users and groups',
    scope: 'global',
    breaks: 'user search quietly finds nobody, so nobody can link their Slack account by their verified e-mail',
  },
];

/** Jira's global permission that covers Administer projects in every project. */
const ADMINISTER = 'ADMINISTER';

/** A permission Centric's account lacks, as `missingPermissions()` reports it. */
export interface MissingPermission extends NeededPermission {
  /** "USER_PICKER (Browse users and groups, global permission): user search finds nobody: …" */
  sentence: string;
}

/** The keys to ask GET /mypermissions about. */
export const MYPERMISSIONS_KEYS = [...NEEDED_PERMISSIONS.map((p) => p.key), ADMINISTER].join(',');

/**
 * What is missing, from GET /mypermissions' answer (`{permissions: {KEY: {havePermission}}}`). A key
 * Jira left out of the answer counts as missing: Centric cannot tell that it holds it.
 */
export function missingFrom(answer: unknown): MissingPermission[] {
  const held = (key: string) => (answer as { permissions?: Record<string, { havePermission?: unknown }> } | null)?.permissions?.[key]?.havePermission === true;
  return NEEDED_PERMISSIONS.filter((p) => !held(p.key) && !(p.key === 'ADMINISTER_PROJECTS' && held(ADMINISTER))).map((p) => ({
    ...p,
    sentence: `${p.key} (${p.name}, ${p.scope} permission): ${p.breaks}`,
  }));
}

/**
 * Answers remembered for a while, at most `maxEntries` of them (the oldest go first), so a burst
 * of commands asks Jira once per person, permission and ticket. Loads of the same key in flight
 * are shared; failures are not remembered.
 */
export class AnswerCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  private readonly pending = new Map<string, Promise<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.until > this.now()) return Promise.resolve(hit.value);
    if (hit) this.entries.delete(key);
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const loading = load()
      .then((value) => {
        this.remember(key, value);
        return value;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, loading);
    return loading;
  }

  private remember(key: string, value: V): void {
    if (this.ttlMs <= 0 || this.maxEntries <= 0) return;
    // A Map iterates in insertion order: its first key is the oldest answer.
    while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, until: this.now() + this.ttlMs });
  }
}

/**
 * A command's arguments are wrong (exit 2, with the message): its own module, so the CLI can tell
 * it apart without loading the commands that throw it (audit loads jira.js, digest the database).
 */
export class AuditUsageError extends Error {}

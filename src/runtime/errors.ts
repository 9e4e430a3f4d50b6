/**
 * The text of anything thrown, for a person (a Slack reply, stderr, /readyz) or a stored record
 * (the inbox's last_error): an Error's message, anything else as a string. Logs take the error
 * itself as `{ err }` instead, so pino's serializer keeps its type, stack and cause.
 */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

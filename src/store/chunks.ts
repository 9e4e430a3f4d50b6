/**
 * SQL `IN` lists that grow with the data, cut into chunks: SQLite takes at most 32,766 variables
 * per statement and Postgres 65,535 parameters, and a digest over 35,000 keys failed with "too
 * many SQL variables". 500 keeps each statement well inside both, with room for its other
 * parameters, and costs a round trip per 500 rows at most.
 */
export const IN_CHUNK = 500;

/** `items` in consecutive slices of at most `size`; none for an empty list. */
export function chunked<T>(items: readonly T[], size = IN_CHUNK): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** The rows of `query` run once per chunk of `items`, in chunk order. */
export async function selectInChunks<T, R>(items: readonly T[], query: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (const chunk of chunked(items)) rows.push(...(await query(chunk)));
  return rows;
}

/** Runs a statement once per chunk of `items`, one after the other. */
export async function eachChunk<T>(items: readonly T[], statement: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (const chunk of chunked(items)) await statement(chunk);
}

/** The project of an issue key: what comes before its last dash ("SHOP" of "SHOP-12"). */
export const projectOf = (key: string): string => key.slice(0, key.lastIndexOf('-'));

/** The project of an issue: its project field, or else its key's. */
export const projectOfIssue = (issue: { key: string; fields: { project?: { key?: string | null } | null } }): string => issue.fields.project?.key ?? projectOf(issue.key);

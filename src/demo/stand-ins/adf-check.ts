/**
 * A check of ADF against Atlassian's rules for the nodes Centric writes: which node may hold
 * which, required attributes, marks on text, non-empty text. Returns the problems found.
 */
type Node = { type?: unknown; attrs?: Record<string, unknown>; content?: unknown; text?: unknown; marks?: unknown; version?: unknown };

const BLOCK = new Set(['paragraph', 'heading', 'bulletList', 'orderedList', 'rule', 'blockquote', 'codeBlock', 'panel', 'mediaSingle', 'mediaGroup', 'table', 'expand', 'taskList', 'decisionList', 'blockCard', 'embedCard']);
const INLINE = new Set(['text', 'hardBreak', 'mention', 'emoji', 'inlineCard', 'date', 'status']);
const CHILDREN: Record<string, Set<string>> = {
  doc: BLOCK,
  paragraph: INLINE,
  heading: INLINE,
  bulletList: new Set(['listItem']),
  orderedList: new Set(['listItem']),
  listItem: new Set(['paragraph', 'bulletList', 'orderedList', 'codeBlock']),
  blockquote: new Set(['paragraph', 'bulletList', 'orderedList']),
};
const MARKS = new Set(['strong', 'em', 'code', 'link', 'strike', 'underline']);

export function adfProblems(node: Node, path = 'doc'): string[] {
  const problems: string[] = [];
  if (path === 'doc') {
    if (node.type !== 'doc') problems.push('doc: type must be "doc"');
    if (node.version !== 1) problems.push('doc: version must be 1');
  }
  const type = String(node.type);
  if (type === 'heading') {
    const level = node.attrs?.level;
    if (!Number.isInteger(level) || (level as number) < 1 || (level as number) > 6) problems.push(`${path}: heading needs attrs.level 1-6`);
  }
  if (type === 'text') {
    if (typeof node.text !== 'string' || node.text.length === 0) problems.push(`${path}: text must be a non-empty string`);
    for (const mark of (node.marks as Array<{ type: string; attrs?: { href?: unknown } }> | undefined) ?? []) {
      if (!MARKS.has(mark.type)) problems.push(`${path}: unknown mark ${mark.type}`);
      if (mark.type === 'link' && typeof mark.attrs?.href !== 'string') problems.push(`${path}: link mark needs attrs.href`);
    }
  }
  const allowed = CHILDREN[type];
  if (allowed) {
    if (!Array.isArray(node.content)) problems.push(`${path}: ${type} needs a content array`);
    else if (node.content.length === 0 && type !== 'paragraph') problems.push(`${path}: ${type} must not be empty`);
    else
      node.content.forEach((child: Node, i: number) => {
        if (!allowed.has(String(child.type))) problems.push(`${path}.${i}: ${String(child.type)} is not allowed in ${type}`);
        problems.push(...adfProblems(child, `${path}.${i}`));
      });
  }
  return problems;
}

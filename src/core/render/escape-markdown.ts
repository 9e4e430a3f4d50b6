/**
 * Text from Jira (a key, a persona, a note, a finding that quotes the ticket) or a message with
 * placeholders ("<who exactly>") as CommonMark/GFM that shows exactly as written, wherever it lands:
 * a paragraph, a heading, a list item, a table cell; no markup, HTML or link syntax of it works. (A
 * bare http(s), www. or e-mail address still becomes a link where a renderer autolinks text, as
 * GitHub's does: it shows the address itself, never a javascript: one.) The one escaper for Markdown.
 */
export const escapeMarkdown = (s: string): string =>
  s
    // A line ending would end the list item or table row; leading spaces could start code.
    .replace(/\s*(?:\r\n?|\n)\s*/g, ' ')
    .trim()
    // Backslash escapes, code spans, emphasis, links and images, autolinks and raw HTML, GFM's
    // strike-through and table pipes.
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    // "&amp;" or "&#60;" would show as the character it names; a lone "&" shows as itself.
    .replace(/&(?=[#A-Za-z]|$)/g, '\\&')
    // First on a line (a list item "- SHOP-1: …"): a heading, a list item, a rule or an underline.
    .replace(/^[#+=-]/, '\\$&')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');

/**
 * An Atom 1.0 feed (RFC 4287) whose every text is plain text (`type="text"`): what associations write
 * is shown by feed readers as written, never interpreted as HTML.
 */
export interface AtomEntry {
  id: string;
  link: string;
  title: string;
  summary: string;
  author: string;
  updated: Date;
  published: Date;
}

export interface AtomFeed {
  id: string;
  title: string;
  link: string;
  self: string;
  language: string;
  rights: string;
  updated: Date;
  entries: AtomEntry[];
}

// Characters XML 1.0 cannot carry at all, even escaped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what it removes
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const xml = (value: string) => value.replace(NOT_XML, "").replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
const text = (tag: string, value: string) => `<${tag} type="text">${xml(value)}</${tag}>`;

export function atomFeed(feed: AtomFeed): string {
  const entries = feed.entries.map((e) =>
    [
      "  <entry>",
      `    <id>${xml(e.id)}</id>`,
      `    ${text("title", e.title)}`,
      `    <link rel="alternate" href="${xml(e.link)}"/>`,
      `    <updated>${e.updated.toISOString()}</updated>`,
      `    <published>${e.published.toISOString()}</published>`,
      `    <author><name>${xml(e.author)}</name></author>`,
      `    ${text("summary", e.summary)}`,
      "  </entry>",
    ].join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(feed.language)}">`,
    `  <id>${xml(feed.id)}</id>`,
    `  ${text("title", feed.title)}`,
    `  <link rel="alternate" href="${xml(feed.link)}"/>`,
    `  <link rel="self" href="${xml(feed.self)}"/>`,
    `  <updated>${feed.updated.toISOString()}</updated>`,
    `  ${text("rights", feed.rights)}`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

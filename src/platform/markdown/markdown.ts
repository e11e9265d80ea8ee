import { decodeHTML } from "entities";
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

// Raw HTML in the text is shown as text, and markdown-it already refuses javascript: and data: links;
// the sanitiser is the second wall, so that a future plugin or option cannot let a script through.
const parser = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const ALLOWED = {
  allowedTags: [
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href"], ol: ["start"], th: ["style"], td: ["style"] },
  allowedStyles: { th: { "text-align": [/^(left|right|center)$/] }, td: { "text-align": [/^(left|right|center)$/] } },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowProtocolRelative: false,
  // A heading one level too high would break the page's outline: "# Title" in a guide becomes an h2.
  transformTags: { h1: "h2", h5: "h4", h6: "h4" },
} satisfies sanitizeHtml.IOptions;

/** Markdown written by staff or a board as safe HTML for a page or an e-mail: no scripts, handlers, styles or foreign schemes. */
export function renderMarkdown(text: string): string {
  return sanitizeHtml(parser.render(text), ALLOWED);
}

/** The same text as plain words, for a search index, an e-mail's text part or a summary. */
export function markdownText(text: string): string {
  const html = parser.render(text).replace(/<\/(p|h\d|li|pre|blockquote|tr)>/g, "\n");
  return decodeHTML(sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }))
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

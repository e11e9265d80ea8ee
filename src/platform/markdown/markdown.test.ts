import { describe, expect, it } from "vitest";
import { markdownText, renderMarkdown } from "./markdown.js";

// Known ways to smuggle a script through Markdown or the HTML it allows (after the OWASP XSS filter evasion list).
const PAYLOADS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<svg/onload=alert(1)>",
  '<a href="javascript:alert(1)">klik</a>',
  "[klik](javascript:alert(1))",
  "[klik](JaVaScRiPt:alert(1))",
  "[klik](java&#x09;script:alert(1))",
  "[klik](&#106;avascript:alert(1))",
  "[klik](vbscript:msgbox(1))",
  "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![billede](javascript:alert(1))",
  '[klik](https://example.org "x\\" onmouseover=\\"alert(1)")',
  "<iframe src=https://example.org></iframe>",
  '<div style="background:url(javascript:alert(1))">x</div>',
  "<details open ontoggle=alert(1)>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "[<img src=x onerror=alert(1)>](https://example.org)",
  "`<script>alert(1)</script>`",
  "<<script>script>alert(1)<</script>/script>",
  "<form action=javascript:alert(1)><button>x</button></form>",
];

describe("Markdown written by staff or a board", () => {
  it.each(PAYLOADS)("renders %s without anything that runs", (payload) => {
    const html = renderMarkdown(`Før\n\n${payload}\n\nEfter`);
    // Text is escaped, so every "<" left in the output opens a real element: only those are checked.
    const tags = (html.match(/<[^>]*>/g) ?? []).join(" ");
    expect(tags).not.toMatch(/<(script|img|svg|iframe|div|details|math|style|form|button)\b/i);
    expect(tags).not.toMatch(/\son[a-z]+\s*=/i);
    expect(tags).not.toMatch(/(href|src|action)\s*=\s*"?\s*(javascript|vbscript|data):/i);
    expect(html).toContain("Efter");
  });

  it("keeps what a guide needs: headings one level below the page's, lists, links, emphasis and tables", () => {
    const html = renderMarkdown(
      "# Sådan holder I generalforsamling\n\n1. Indkald **to uger** før\n2. Læs [vedtægterne](https://example.org/vedtaegter)\n\n| Punkt | Tid |\n|:--|--:|\n| Valg | 10 min |",
    );
    expect(html).toContain("<h2>Sådan holder I generalforsamling</h2>");
    expect(html).toContain("<ol>");
    expect(html).toContain("<strong>to uger</strong>");
    expect(html).toContain('<a href="https://example.org/vedtaegter">vedtægterne</a>');
    expect(html).toContain('<td style="text-align:right">10 min</td>');
  });

  it("shows raw HTML as the text it is, and links written as bare addresses", () => {
    expect(renderMarkdown("Skriv <b>fed</b> sådan")).toBe("<p>Skriv &lt;b&gt;fed&lt;/b&gt; sådan</p>\n");
    expect(renderMarkdown("Se https://sammen.example/guides")).toContain('<a href="https://sammen.example/guides">');
  });

  it("gives the plain words for search and the text part of an e-mail", () => {
    expect(markdownText("## Frivillige & bestyrelse\n\n- Ring til **Else**\n- Skriv <b>")).toBe("Frivillige & bestyrelse\n\nRing til Else\n\nSkriv <b>");
  });
});

import { expect } from "vitest";

/** Known ways to smuggle a script through Markdown or the HTML it allows (after the OWASP XSS filter evasion list). */
export const XSS_PAYLOADS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<svg/onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  '<a href="javascript:alert(1)">klik</a>',
  "[klik](javascript:alert(1))",
  "[klik](JaVaScRiPt:alert(1))",
  "[klik](java&#x09;script:alert(1))",
  "[klik](&#106;avascript:alert(1))",
  "[klik]( javascript:alert(1))",
  "[klik](vbscript:msgbox(1))",
  "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![billede](javascript:alert(1))",
  "![billede](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  '[klik](https://example.org "x\\" onmouseover=\\"alert(1)")',
  "<iframe src=https://example.org></iframe>",
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  "<details open ontoggle=alert(1)>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "[<img src=x onerror=alert(1)>](https://example.org)",
  "`<script>alert(1)</script>`",
  "<<script>script>alert(1)<</script>/script>",
  "<form action=javascript:alert(1)><button>x</button></form>",
];

/**
 * Asserts that HTML made from written text holds nothing that runs. Text is escaped, so every "<" left
 * in it opens a real element: only those are checked.
 */
export function expectNothingRuns(html: string) {
  const tags = (html.match(/<[^>]*>/g) ?? []).join(" ");
  expect(tags).not.toMatch(/<(script|img|svg|iframe|div|details|math|style|form|button|object|embed)\b/i);
  expect(tags).not.toMatch(/\son[a-z]+\s*=/i);
  expect(tags).not.toMatch(/(href|src|action|srcdoc)\s*=\s*"?\s*(javascript|vbscript|data):/i);
}

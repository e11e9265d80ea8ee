import { createHash } from "node:crypto";
import { appendFileSync, mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { PORT } from "../playwright.config.js";

export const DEMO_PASSWORD = "frivillig-demo-2026";
export const demo = {
  citizen: "borger@sonderby.example",
  member: "medlem@sonderby.example",
  associationAdmin: "forening@sonderby.example",
  staff: "frivilligcenter@sonderby.example",
  caseworker: "sagsbehandler@sonderby.example",
  tenantAdmin: "admin@sonderby.example",
  bridgeBuilder: "brobygger@sonderby.example",
  referrer: "jobcenter@sonderby.example",
  companion: "foelgeven.inger@sonderby.example",
  committee: "udvalg@sonderby.example",
};

const WIDTHS = [375, 1280] as const;

/**
 * Checks the page as it is now at a phone's and a desktop's width: axe (WCAG 2.1 A and AA) and no
 * horizontal scroll (nothing wider than the screen). Fails on any violation or overflow. A page
 * that fails leaves a full-page screenshot in `.tmp/screens/` for a person to look at; with
 * E2E_SCREENS=true every page checked does (slower: a full-page shot costs about as much as axe).
 * Markup already checked in this worker (the sign-in page before every journey) is not checked again.
 */
export async function expectAccessible(page: Page) {
  const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
  const lang = (await page.getAttribute("html", "lang")) ?? "";
  mkdirSync(".tmp/screens", { recursive: true });
  try {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width === 375 ? 740 : 800 });
      const wider = await tooWide(page);
      const markup = `${width} ${await sameMarkup(page)}`;
      if (wider.length === 0 && checked.has(markup)) continue;
      const results = await axe(page);
      if (everyScreen || results.violations.length > 0 || wider.length > 0) {
        await page.screenshot({ path: `.tmp/screens/${screenName(page.url())}-${lang}-${width}.png`, fullPage: true });
      }
      appendFileSync(
        ".tmp/axe-results.jsonl",
        `${JSON.stringify({ url: page.url(), lang, width, violations: results.violations.length, overflow: wider.length > 0 })}\n`,
      );
      const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
      expect(summary, `axe on ${page.url()} at ${width} px`).toEqual([]);
      expect(wider, `${page.url()} is wider than a ${width} px screen; these stick out`).toEqual([]);
      checked.add(markup);
    }
  } finally {
    await page.setViewportSize(viewport);
  }
}

const everyScreen = process.env.E2E_SCREENS === "true";

/**
 * Runs axe in the page itself. Its default way (runPartial) opens and closes a blank page in the
 * browser for every check to put the results together, which doubles the time of a check here; our
 * pages have no cross-origin frames, so the answer is the same. Passes and incomplete results are
 * not collected, only violations, which is all that is read.
 */
function axe(page: Page) {
  // options() replaces what withTags() set, so it comes first.
  return new AxeBuilder({ page })
    .options({ resultTypes: ["violations"] })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .setLegacyMode(true)
    .analyze();
}

/** Markup this worker has already checked at a width, with no violations: the same markup gives axe the same answer. */
const checked = new Set<string>();

/** The page's markup with its one-time tokens (CSRF, CSP nonces) taken out, so two visits of the same page compare equal. */
async function sameMarkup(page: Page): Promise<string> {
  const html = await page.evaluate(() => document.documentElement.outerHTML.replace(/[A-Za-z0-9_-]{32,}/g, "#"));
  return createHash("sha256").update(html).digest("base64");
}

/** The outermost elements that reach past the right edge of the screen, when the page scrolls sideways. */
async function tooWide(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const edge = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= edge) return [];
    const out: string[] = [];
    const walk = (el: Element) => {
      const box = el.getBoundingClientRect();
      if (box.right > edge + 1 && box.width > 0) {
        const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.classList.length ? `.${[...el.classList].join(".")}` : ""}`;
        out.push(`${name} (${Math.round(box.right)} px)`);
        return;
      }
      for (const child of el.children) walk(child);
    };
    for (const child of document.body.children) walk(child);
    if (out.length) return out.slice(0, 5);
    // Nothing's box sticks out, so a long word or a wide child spills out of a box that does not.
    const spilling = [...document.body.querySelectorAll("*")].filter(
      (el) => el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && getComputedStyle(el).overflowX === "visible",
    );
    const deepest = spilling.filter((el) => !spilling.some((other) => other !== el && el.contains(other)));
    return deepest.length
      ? deepest.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} holding "${(el.textContent ?? "").trim().slice(0, 40)}"`)
      : [`the page (${document.documentElement.scrollWidth} px)`];
  });
}

function screenName(url: string): string {
  const u = new URL(url);
  const name = `${u.pathname}${u.search}`
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "id")
    .replace(/[^a-z0-9]+/gi, "_")
    .replace(/^_|_$/g, "");
  return (name || "home").slice(0, 80);
}

/** Opens a page and checks it with axe. */
export async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  await expectAccessible(page);
  return response;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await visit(page, "/sign-in");
  const form = page.getByRole("form", { name: /^(Log ind med adgangskode|Sign in with password)$/ });
  await form.getByLabel(/^E-mail/).fill(email);
  await form.getByLabel(/^(Adgangskode|Password)/).fill(password);
  await form.getByRole("button").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** Every journey talks to its own worker's portal (see playwright.config.ts). */
export const test = base.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads which fixtures a function needs from its first parameter.
  baseURL: async ({}, use, testInfo) => {
    await use(`http://localhost:${PORT + testInfo.parallelIndex}`);
  },
});
export { expect };

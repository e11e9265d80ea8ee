import { appendFileSync, mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "frivillig-demo-2026";
export const demo = {
  citizen: "borger@sonderby.example",
  member: "medlem@sonderby.example",
  associationAdmin: "forening@sonderby.example",
  staff: "frivilligcenter@sonderby.example",
  caseworker: "sagsbehandler@sonderby.example",
  tenantAdmin: "admin@sonderby.example",
};

/** Runs axe (WCAG 2.1 A and AA) on the page as it is now, records the result and fails on any violation. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  mkdirSync(".tmp", { recursive: true });
  appendFileSync(
    ".tmp/axe-results.jsonl",
    `${JSON.stringify({ url: page.url(), lang: await page.getAttribute("html", "lang"), violations: results.violations.length })}\n`,
  );
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe on ${page.url()}`).toEqual([]);
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

export const test = base;
export { expect };

import type { Page } from "@playwright/test";
import { PORT } from "../playwright.config.js";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/database.js";
import { allTenants } from "../src/platform/tenants/tenants.js";
import { addDays } from "../src/platform/time/recurrence.js";
import { buildHours, buildPremise } from "../test/factories/premises.factory.js";
import { demo, expect, expectAccessible, signIn, test, visit } from "./fixtures.js";

/** The database of the portal this worker talks to (see playwright.config.ts). */
function databaseOf(index: number) {
  const config = loadConfig({ ...process.env, NODE_ENV: "test", SQLITE_FILE: `.tmp/e2e-${index}.sqlite`, PORT: String(PORT + index), LOG_LEVEL: "warn" });
  return openDatabase(config).db;
}

/** Fills the event form for a course on three dates in the premise (its id), the room's box left as it is (ticked). */
async function fillCourse(page: Page, title: string, premise: string, dates: string[]) {
  await page.getByLabel(/^Titel/).fill(title);
  await page.getByLabel(/^Beskrivelse/).fill("Tre formiddage om at tage imod nye frivillige, med øvelser og god tid til spørgsmål.");
  await page.getByText("Flere datoer (til et kursus)").click();
  for (const [i, date] of dates.entries()) {
    await page.locator(`#f-sessionDate-${i + 1}`).fill(date);
    await page.locator(`#f-sessionStart-${i + 1}`).fill("10:00");
    await page.locator(`#f-sessionEnd-${i + 1}`).fill("12:00");
  }
  await page.getByLabel("Et af kommunens lokaler").check();
  await page.locator("#f-premiseId").selectOption(premise);
  await expect(page.getByLabel("Book lokalet til arrangementets tider")).toBeChecked();
}

test("staff book the room for a three-session course from the event form; the same times again are refused, naming the session", async ({ page }, testInfo) => {
  const db = databaseOf(testInfo.parallelIndex);
  const tenant = (await allTenants(db))[0];
  if (!tenant) throw new Error("no demo tenant");
  const stamp = Date.now();
  const premise = `Kursuslokale ${stamp}`;
  const id = await buildPremise(
    db,
    { id: tenant.id, host: "localhost" },
    { name: premise, kind: "room", address: "Skolevej 10", postcode: "6000", capacity: 30 },
  );
  await buildHours(db, { id: tenant.id, host: "localhost" }, id, "08:00", "22:00");
  const first = addDays(new Date().toISOString().slice(0, 10), 40);
  const dates = [first, addDays(first, 7), addDays(first, 14)];

  await signIn(page, demo.staff);
  await visit(page, "/events/new");
  const title = `Kursus for nye frivillige ${stamp}`;
  await fillCourse(page, title, id, dates);
  await page.getByRole("button", { name: "Opret arrangement" }).click();
  await page.waitForURL(/\/events\/manage/);
  await page.getByRole("link", { name: title }).click();
  const rooms = page.getByRole("region", { name: "Booking af lokalet" });
  await expect(rooms.getByText("Venter på svar (tiden er holdt)")).toHaveCount(3);
  await expectAccessible(page);
  await rooms.getByRole("link", { name: "Se bookingen" }).first().click();
  await expect(page.getByText(title).first()).toBeVisible();
  await expectAccessible(page);

  // A second course at the same times: the first date is named with what holds the room, and nothing is saved.
  await visit(page, "/events/new");
  await fillCourse(page, `Kursus der støder sammen ${stamp}`, id, dates);
  await page.getByRole("button", { name: "Opret arrangement" }).click();
  const summary = page.locator(".ds-error-summary");
  await expect(summary).toContainText(/Dato 1 \(.*\): Lokalet er søgt kl\. 10\.00–12\.00 til Kursus for nye frivillige/);
  await expectAccessible(page);
});

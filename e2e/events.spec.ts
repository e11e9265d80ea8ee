import type { Page } from "@playwright/test";
import { PORT } from "../playwright.config.js";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/database.js";
import { lapseOffers } from "../src/modules/events/event-jobs.js";
import { jobContext } from "../src/platform/service-context.js";
import { allTenants } from "../src/platform/tenants/tenants.js";
import { buildEvent } from "../test/factories/event.factory.js";
import { demo, expect, expectAccessible, signIn, test, visit } from "./fixtures.js";

/** The database and configuration of the portal this worker talks to (see playwright.config.ts). */
function portalOf(index: number) {
  const config = loadConfig({ ...process.env, NODE_ENV: "test", SQLITE_FILE: `.tmp/e2e-${index}.sqlite`, PORT: String(PORT + index), LOG_LEVEL: "warn" });
  return { config, db: openDatabase(config).db };
}

/** Opens the newest mail to this address with this subject in the dev mailbox. */
async function openMail(page: Page, to: string, subject: RegExp) {
  await visit(page, "/dev/mailbox");
  await page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).first().getByRole("link").click();
  await expectAccessible(page);
}

test("a citizen joins the waiting list of a full course, gets the place someone cancels, and an offer not accepted in time passes to the next", async ({
  browser,
  baseURL,
}, testInfo) => {
  const { config, db } = portalOf(testInfo.parallelIndex);
  const tenant = (await allTenants(db))[0];
  if (!tenant) throw new Error("no demo tenant");
  const title = `Førstehjælp for frivillige ${Date.now()}`;
  const course = await buildEvent(
    db,
    { id: tenant.id, host: "localhost" },
    { kind: "course", title, capacity: 1, maxPerRegistration: 1, sessionOffsetsHours: [0, 24] },
  );
  const newPage = async () => (await browser.newContext({ locale: "da-DK", baseURL })).newPage();

  // The demo citizen takes the only place.
  const karen = await newPage();
  await signIn(karen, demo.citizen);
  await visit(karen, `/events/${course.id}`);
  await karen.getByRole("button", { name: "Tilmeld", exact: true }).click();
  await expect(karen.getByRole("status")).toContainText("Du er tilmeldt");
  await expect(karen.getByText("Tilmeldt", { exact: true })).toBeVisible();
  await expectAccessible(karen);

  // Two people without an account join the waiting list, each confirming by the link in their mail.
  const join = async (name: string, email: string, place: number) => {
    const page = await newPage();
    await visit(page, `/events/${course.id}`);
    await expect(page.getByRole("heading", { name: "Skriv dig på ventelisten" })).toBeVisible();
    await page.getByLabel(/^Navn/).fill(name);
    await page.getByLabel(/^E-mail/).fill(email);
    await page.getByRole("button", { name: "Skriv dig på ventelisten" }).click();
    await expect(page.getByText(`Vi har sendt en e-mail til ${email}`)).toBeVisible();
    await expectAccessible(page);
    await openMail(page, email, /Bekræft din tilmelding/);
    await page.getByRole("link", { name: /\/events\/registration\/confirm/ }).click();
    await expect(page.getByText(`Nr. ${place} på ventelisten`)).toBeVisible();
    await expectAccessible(page);
    return page;
  };
  const ida = await join("Ida Venter", `ida-${course.id}@example.org`, 1);
  const jens = await join("Jens Venter", `jens-${course.id}@example.org`, 2);

  // Karen cannot come after all; Ida is offered the place, with the calendar file.
  await karen.getByRole("button", { name: /^Afmeld/ }).click();
  await expect(karen.getByRole("status")).toContainText("Afmeldt");
  await expectAccessible(karen);
  await openMail(ida, `ida-${course.id}@example.org`, /ledig plads til dig/);
  await expect(ida.getByRole("link", { name: "event.ics" })).toBeVisible();

  // Two days pass without Ida answering: the offer lapses and goes to Jens.
  const later = { now: () => new Date(Date.now() + 49 * 3600_000) };
  await lapseOffers(jobContext({ db, clock: later, config }, tenant));
  await openMail(ida, `ida-${course.id}@example.org`, /gået videre/);
  await openMail(jens, `jens-${course.id}@example.org`, /ledig plads til dig/);
  await jens.getByRole("link", { name: /\/events\/registration\?key=/ }).click();
  await expectAccessible(jens);
  await jens.getByRole("button", { name: "Tag imod pladsen" }).click();
  await expect(jens.getByRole("status")).toContainText("Pladsen er din");
  await expect(jens.getByText("Tilmeldt", { exact: true })).toBeVisible();
  await expectAccessible(jens);

  // The organiser sees it all on the participants list.
  const staff = await newPage();
  await signIn(staff, demo.staff);
  await visit(staff, `/events/${course.id}/participants`);
  await expect(staff.getByRole("row").filter({ hasText: "Jens Venter" })).toContainText("Tilmeldt");
  await expect(staff.getByRole("row").filter({ hasText: "Ida Venter" })).toContainText("Tilbuddet udløb");
  await db.destroy();
});

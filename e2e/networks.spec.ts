import type { Page } from "@playwright/test";
import { PORT } from "../playwright.config.js";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/database.js";
import { allTenants } from "../src/platform/tenants/tenants.js";
import { buildEvent } from "../test/factories/event.factory.js";
import { demo, expect, expectAccessible, signIn, test, visit } from "./fixtures.js";

/** The database of the portal this worker talks to (see playwright.config.ts). */
function portalOf(index: number) {
  const config = loadConfig({ ...process.env, NODE_ENV: "test", SQLITE_FILE: `.tmp/e2e-${index}.sqlite`, PORT: String(PORT + index), LOG_LEVEL: "warn" });
  return openDatabase(config).db;
}

/** Opens the newest mail to this address with this subject in the dev mailbox. */
async function openMail(page: Page, to: string, subject: RegExp) {
  await visit(page, "/dev/mailbox");
  await page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).first().getByRole("link").click();
  await expectAccessible(page);
}

test("a coordinator from another centre is invited to a network, makes her account from the link, adds an agenda point and reads the minutes; a non-member gets 404", async ({
  browser,
  baseURL,
}, testInfo) => {
  const db = portalOf(testInfo.parallelIndex);
  const tenant = (await allTenants(db))[0];
  if (!tenant) throw new Error("no demo tenant");
  const stamp = Date.now();
  const name = `Netværk for frivilligkoordinatorer ${stamp}`;
  const hanne = `hanne-${stamp}@frivilligcenter-aaby.example`;
  const newPage = async () => (await browser.newContext({ locale: "da-DK", baseURL })).newPage();

  // Staff start the network and invite Hanne from another centre.
  const staff = await newPage();
  await signIn(staff, demo.staff);
  await visit(staff, "/networks");
  await staff.getByLabel(/^Netværkets navn/).fill(name);
  await staff.getByLabel(/^Hvad netværket er til/).fill("Koordinatorerne i landsdelen mødes fire gange om året.");
  await staff.getByRole("button", { name: "Opret netværket" }).click();
  await expect(staff.getByRole("status")).toContainText("Netværket er oprettet");
  await expectAccessible(staff);
  const networkPath = new URL(staff.url()).pathname;
  await staff.getByLabel(/^Navn/).fill("Hanne Holm");
  await staff.getByLabel(/^E-mail/).fill(hanne);
  await staff.getByLabel(/^Arbejdssted/).fill("Frivilligcenter Åby");
  await staff.getByRole("button", { name: "Send invitationen" }).click();
  await expect(staff.getByRole("status")).toContainText("Invitationen er sendt");
  await expect(staff.getByText("Inviteret", { exact: true })).toBeVisible();

  // Two meetings: one coming, one held yesterday.
  const networkId = networkPath.split("/")[2] as string;
  const coming = await buildEvent(
    db,
    { id: tenant.id, host: "localhost" },
    { kind: "network_meeting", title: `Online-møde ${stamp}`, networkId, startsInHours: 72 },
  );
  const held = await buildEvent(
    db,
    { id: tenant.id, host: "localhost" },
    { kind: "network_meeting", title: `Fysisk møde ${stamp}`, networkId, startsInHours: -26 },
  );

  // Hanne gets the invitation, and makes her account right from the link with a name and a password.
  const her = await newPage();
  await openMail(her, hanne, /Invitation til netværket/);
  await her.getByRole("link", { name: /\/networks\/join/ }).click();
  await expect(her.getByRole("heading", { name: `Du er inviteret til ${name}` })).toBeVisible();
  await expectAccessible(her);
  await her.getByLabel(/^Vælg en adgangskode/).fill("lange dage ved havet i åby");
  await her.getByRole("button", { name: "Opret konto og bliv medlem" }).click();
  await expect(her.getByRole("status")).toContainText("Velkommen i netværket");
  await expect(her.getByText("Frivilligcenter Åby")).toBeVisible();
  await expectAccessible(her);

  // She puts a point on the coming meeting's agenda.
  await her.getByRole("link", { name: coming.title }).click();
  await her.getByLabel(/^Overskrift/).fill("Erfaringer fra Åby");
  await her.getByLabel(/^Lidt om punktet/).fill("Hvordan vi følger op efter tre måneder.");
  await her.getByRole("button", { name: "Sæt punktet på dagsordenen" }).click();
  await expect(her.getByRole("status")).toContainText("Dit punkt står nu på dagsordenen");
  await expect(her.getByText("Foreslået af Hanne Holm")).toBeVisible();
  await expectAccessible(her);

  // Staff write the minutes of the meeting held; Hanne hears and reads them.
  await visit(staff, `${networkPath}/meetings/${held.id}`);
  await staff.getByLabel(/^Skriv referatet/).fill("Vi talte om opfølgning.\n\nNæste møde i marts.");
  await staff.getByRole("button", { name: "Udsend referatet" }).click();
  await expect(staff.getByRole("status")).toContainText("Referatet er gemt");
  await openMail(her, hanne, /Referat/);
  await her.getByRole("link", { name: /\/meetings\// }).click();
  await expect(her.getByText("Næste møde i marts.")).toBeVisible();
  await expectAccessible(her);

  // Someone who is not a member finds nothing there.
  const citizen = await newPage();
  await signIn(citizen, demo.citizen);
  for (const path of [networkPath, `${networkPath}/meetings/${coming.id}`, `/events/${coming.id}`]) {
    expect((await citizen.goto(path))?.status(), path).toBe(404);
  }
});

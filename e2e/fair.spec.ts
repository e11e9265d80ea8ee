import { PORT } from "../playwright.config.js";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/database.js";
import { qrDrawing } from "../src/modules/events/fair-qr.js";
import { allTenants } from "../src/platform/tenants/tenants.js";
import { buildEvent } from "../test/factories/event.factory.js";
import { demo, expect, expectAccessible, signIn, test, visit } from "./fixtures.js";

/** The database of the portal this worker talks to (see playwright.config.ts). */
function portalOf(index: number) {
  const config = loadConfig({ ...process.env, NODE_ENV: "test", SQLITE_FILE: `.tmp/e2e-${index}.sqlite`, PORT: String(PORT + index), LOG_LEVEL: "warn" });
  return openDatabase(config).db;
}

test("an association applies for a stand at the fair, staff give it a number, its sign prints on one A4 page, and a visitor's interest reaches the association", async ({
  browser,
  baseURL,
}, testInfo) => {
  const db = portalOf(testInfo.parallelIndex);
  const tenant = (await allTenants(db))[0];
  if (!tenant) throw new Error("no demo tenant");
  const title = `Frivilligbørs i hallen ${Date.now()}`;
  const fair = await buildEvent(db, { id: tenant.id, host: "localhost" }, { kind: "fair", title, capacity: 400, startsInHours: 24 * 30 });
  const newPage = async () => (await browser.newContext({ locale: "da-DK", baseURL })).newPage();

  // The demo association's admin applies from the fair's page.
  const mette = await newPage();
  await signIn(mette, demo.associationAdmin);
  await visit(mette, `/events/${fair.id}`);
  // She runs two associations: one form at a time.
  const link = mette.getByRole("link", { name: "Søg om stand for Sønderby Besøgsvenner" });
  if (await link.count()) await link.click();
  const stand = mette.getByRole("region", { name: "Sønderby Besøgsvenner" });
  await stand.getByLabel("Standens størrelse").selectOption("medium");
  await stand.getByLabel("Vi skal bruge strøm").check();
  await stand.getByLabel(/^Hvad vil I vise\?/).fill("Kom og mød vores besøgsvenner over en kop kaffe.");
  await stand.getByRole("button", { name: "Søg om stand" }).click();
  await expect(mette.getByRole("status")).toContainText("Ansøgningen er sendt");
  await expect(stand.getByText("Ansøgt", { exact: true })).toBeVisible();
  await expectAccessible(mette);

  // Staff give it stand 12 on their list.
  const ali = await newPage();
  await signIn(ali, demo.staff);
  await visit(ali, `/events/${fair.id}/stands`);
  await ali.getByLabel("Standnummer for Sønderby Besøgsvenner").fill("12");
  await ali.getByRole("button", { name: "Gem standnumre" }).click();
  await expect(ali.getByText("Tildelt", { exact: true })).toBeVisible();

  // The published page lists the exhibitor with its stand.
  await visit(mette, `/events/${fair.id}`);
  await expect(mette.getByRole("heading", { name: "Udstillere" })).toBeVisible();
  await expect(mette.locator(".fair-exhibitor").filter({ hasText: "Sønderby Besøgsvenner" })).toContainText("12");

  // The sign: one A4 page, its QR code the visitors' page at the tenant's address.
  await stand.getByRole("link", { name: "Udskriv standskilt" }).click();
  await expect(mette.getByText("Scan og hør mere fra os")).toBeVisible();
  await expectAccessible(mette);
  const qr = mette.locator("svg[data-qr-text]");
  const url = (await qr.getAttribute("data-qr-text")) ?? "";
  expect(url).toMatch(/^https?:\/\/[^/]+\/fair\/[a-z0-9]{10}$/);
  expect(await qr.locator("path").getAttribute("d")).toBe(qrDrawing(url).path);
  await mette.emulateMedia({ media: "print" });
  const pdf = (await mette.pdf({ format: "A4", printBackground: true })).toString("latin1");
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  await mette.emulateMedia({ media: "screen" });

  // A visitor scans it: without consent nothing is kept; with it, a thank-you.
  const visitor = await newPage();
  await visit(visitor, new URL(url).pathname);
  const email = `gaest-${fair.id}@example.org`;
  await visitor.getByLabel(/^E-mail/).fill(email);
  await visitor.getByLabel(/^Andet du er interesseret i/).fill("Kan komme om lørdagen efter børsen");
  await visitor.getByRole("button", { name: "Send" }).click();
  await expect(visitor.getByText("Uden samtykke gemmer vi intet").first()).toBeVisible();
  await visitor.getByLabel(/må kontakte mig om det$/).check();
  await visitor.getByRole("button", { name: "Send" }).click();
  await expect(visitor.getByRole("heading", { name: "Tak for din interesse" })).toBeVisible();
  await expectAccessible(visitor);

  // The association sees the lead beside its applicants.
  await visit(mette, `/events/${fair.id}`);
  await stand.getByRole("link", { name: "Interesserede fra frivilligbørsen" }).click();
  await expectAccessible(mette);
  await expect(mette.getByText(email).first()).toBeVisible();
  await expect(mette.getByText("Kan komme om lørdagen efter børsen")).toBeVisible();
  await db.destroy();
});

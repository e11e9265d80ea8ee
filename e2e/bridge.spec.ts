import { existsSync, readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { PORT } from "../playwright.config.js";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/database.js";
import { remindFollowUps } from "../src/modules/bridge/follow-up-jobs.js";
import { jobContext } from "../src/platform/service-context.js";
import { allTenants } from "../src/platform/tenants/tenants.js";
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

/** Opens the site menu and follows one of its links. */
async function fromMenu(page: Page, name: string) {
  const summary = page.getByLabel(/^(Menu og sprog|Menu and language)/);
  // On a wide screen the menu is open already; on a phone it opens from its button.
  if (await summary.isVisible()) await summary.click();
  await page
    .getByRole("navigation", { name: /^(Hovedmenu|Main menu)$/ })
    .getByRole("link", { name, exact: true })
    .click();
  await expectAccessible(page);
}

/** A date some days from today as the form's date field takes it (yyyy-mm-dd), in Danish time. */
function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Copenhagen" });
}

test("a jobcentre worker refers a person, the bridge-builder finds them a walking group and a companion, the association welcomes them, and the follow-up is kept", async ({
  browser,
  baseURL,
}, testInfo) => {
  const { config, db } = portalOf(testInfo.parallelIndex);
  const tenant = (await allTenants(db))[0];
  if (!tenant) throw new Error("no demo tenant");
  const newPage = async () => (await browser.newContext({ locale: "da-DK", baseURL })).newPage();
  const name = `Vibeke${Date.now().toString(36).slice(-4)}`;
  const contact = `${name.toLowerCase()}@borger.example`;
  const reason = "Har været sygemeldt længe og sidder mest derhjemme.";
  const wishes = "Vil gerne gå ture med andre og få noget fast i ugen.";
  const ownWords = "Det er dejligt at komme ud og gå med de andre.";

  // 1. The jobcentre worker refers the person, with their consent given at a meeting.
  const referrer = await newPage();
  await signIn(referrer, demo.referrer);
  await fromMenu(referrer, "Henvis til brobygning");
  await expect(referrer.getByRole("heading", { level: 1, name: "Henvis en borger til brobygning" })).toBeVisible();
  await referrer.getByLabel("Hvilken afdeling?").selectOption("jobcentre");
  await referrer.getByLabel(/^Personens fornavn/).fill(name);
  await referrer.getByLabel(/^Telefon eller e-mail/).fill(contact);
  await referrer.getByLabel("Ja, personen har sagt ja").check();
  for (const purpose of [/gives videre til den forening/, /følgeven må kende/, /tage kontakt bagefter/]) await referrer.getByLabel(purpose).check();
  await referrer.getByLabel("Ved et møde").check();
  await referrer.getByLabel("En kopi på e-mail").check();
  await referrer.getByLabel(/^Hvorfor henvises personen/).fill(reason);
  await referrer.getByRole("button", { name: "Send henvisningen" }).click();
  await expect(referrer.getByRole("heading", { level: 1, name: "Tak, henvisningen er sendt" })).toBeVisible();
  await expect(referrer.getByRole("status")).toContainText(`Henvisningen af ${name} er sendt til brobyggerne.`);
  await expectAccessible(referrer);

  // 2. The bridge-builder sees a case waiting, takes it and has the first conversation.
  const builder = await newPage();
  await signIn(builder, demo.bridgeBuilder);
  await expect(builder.getByText(/forløb venter på en brobygger/).first()).toBeVisible();
  await expectAccessible(builder);
  await visit(builder, "/bridge");
  await builder
    .getByRole("region", { name: "Venter på en brobygger" })
    .or(builder.locator("section").filter({ has: builder.getByRole("heading", { name: "Venter på en brobygger" }) }))
    .getByRole("link", { name, exact: true })
    .click();
  await expect(builder.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(builder.getByText(reason)).toBeVisible();
  await expectAccessible(builder);
  const caseUrl = builder.url();
  await builder.getByRole("button", { name: "Tag forløbet" }).click();
  await expect(builder.getByRole("status")).toContainText("Forløbet er nu dit.");

  await builder.getByRole("link", { name: "Første samtale" }).click();
  await expect(builder.getByRole("heading", { level: 1, name: `Første samtale med ${name}` })).toBeVisible();
  await expectAccessible(builder);
  await builder.getByRole("textbox", { name: /^Ønsker/ }).fill(wishes);
  await builder.getByLabel("Idræt og motion").check();
  await builder.getByLabel("Ældre", { exact: true }).check();
  await builder.getByLabel("Følgeskab de første gange").check();
  await builder.locator('input[name="slots"][value="tue-morning"]').check();
  await builder.locator('input[name="slots"][value="wed-morning"]').check();
  await builder.getByLabel(/^Nær|^Postnummer/).fill("8000");
  // What the association may be told, as the person says: the first name, what makes it easier, the times.
  for (const field of ["Fornavn", "Det gør det lettere", "Tider, der passer"]) await builder.getByLabel(field, { exact: true }).check();
  await builder.getByRole("button", { name: "Gem samtalen" }).click();
  await expect(builder.getByRole("status")).toContainText("Samtalen er gemt.");

  // The suggestions: the visiting friends' walking group, put on the list and chosen with the person.
  await builder.getByRole("link", { name: "Forslag til fællesskaber" }).click();
  await expect(builder.getByRole("heading", { level: 1, name: `Forslag til ${name}` })).toBeVisible();
  const walk = builder.getByRole("listitem").filter({ has: builder.getByRole("heading", { name: /^Gågruppe med besøgsvennerne/ }) });
  await walk.first().getByRole("button", { name: "Læg på listen" }).click();
  await expect(builder.getByRole("status")).toContainText("Lagt på listen.");
  await expectAccessible(builder);
  await builder
    .getByRole("form", { name: /^Gågruppe med besøgsvennerne/ })
    .getByRole("button", { name: "Personen vælger dette" })
    .click();
  await expect(builder.getByRole("status")).toContainText("Valget er gemt.");

  // The handover: only the first name and what makes it easier.
  await builder.getByRole("link", { name: "Overdrag til foreningen" }).click();
  await expect(builder.getByRole("heading", { level: 1, name: `Overdrag ${name} til en forening` })).toBeVisible();
  await builder.getByLabel(/^Gågruppe med besøgsvennerne.* hos Sønderby Besøgsvenner$/).check();
  await builder.getByLabel("Fornavn", { exact: true }).check();
  await builder.getByLabel("Det gør det lettere", { exact: true }).check();
  await expect(builder.getByLabel("Tider, der passer", { exact: true })).not.toBeChecked();
  await builder.getByRole("button", { name: "Vis, hvad foreningen ser" }).click();
  await expect(builder.getByRole("heading", { name: "Det ser foreningen" })).toBeVisible();
  await expectAccessible(builder);
  await builder.getByRole("button", { name: "Send henvisningen" }).click();
  await expect(builder.getByRole("status")).toContainText("Henvisningen er sendt.");
  await expectAccessible(builder);

  // A companion for the first times, from the pool.
  await builder.goto(`${caseUrl}/companion`);
  await expect(builder.getByRole("heading", { level: 1, name: `Følgeven til ${name}` })).toBeVisible();
  await builder.getByRole("form", { name: "Inger Mikkelsen" }).getByRole("button").click();
  await expect(builder.getByRole("region", { name: "Følgeven nu" })).toContainText("Inger Mikkelsen");
  await expectAccessible(builder);

  // 3. The association's admin sees only what was shared, says yes, plans the first meeting and gets ready.
  const association = await newPage();
  await signIn(association, demo.associationAdmin);
  await expect(association.getByText(/henviste? person(er)? venter på svar/).first()).toBeVisible();
  await expectAccessible(association);
  await fromMenu(association, "Henviste borgere");
  await association.getByRole("link", { name, exact: true }).click();
  await expect(association.getByRole("heading", { level: 1, name: "En person er henvist til Sønderby Besøgsvenner" })).toBeVisible();
  await expect(association.getByText(name, { exact: true })).toBeVisible();
  await expect(association.getByText("Følgeskab de første gange")).toBeVisible();
  await expect(association.getByText(reason)).toHaveCount(0);
  await expect(association.getByText(wishes)).toHaveCount(0);
  await expect(association.getByText(contact)).toHaveCount(0);
  await expectAccessible(association);
  await association.getByRole("button", { name: "Ja, vi tager imod" }).click();
  await expect(association.getByRole("status")).toContainText("Foreslå nu et første møde.");
  await expectAccessible(association);
  const meetingDay = daysAhead(3);
  const meeting = association.getByRole("form", { name: "Første møde" });
  await meeting.getByLabel(/^Dato/).fill(meetingDay);
  await meeting.getByLabel(/^Klokken/).fill("10:00");
  await meeting.getByLabel(/^Hvor/).fill("Ved hovedindgangen til Sønderby Station");
  await meeting.getByRole("button", { name: "Foreslå mødet" }).click();
  await expect(association.getByRole("status")).toContainText("Mødet er foreslået.");
  await expect(
    association.getByText(/^Første møde: .*kl?\.? ?10[.:]00.*Ved hovedindgangen til Sønderby Station$|^Første møde: .*10[.:]00, Ved hovedindgangen/),
  ).toBeVisible();
  const welcome = association.getByRole("form", { name: "Tjekliste til en god velkomst" });
  for (const box of await welcome.getByRole("checkbox").all()) await box.check();
  await welcome.getByRole("button", { name: "Gem tjeklisten" }).click();
  await expect(association.getByRole("status")).toContainText("Tjeklisten er gemt.");
  await association.getByRole("form", { name: "Det første møde har fundet sted" }).getByRole("button").click();
  await expect(association.getByRole("status")).toContainText("Personen er nu med.");
  await expect(association.getByText("Har mødtes").first()).toBeVisible();
  await expectAccessible(association);

  // 4. A month later the follow-up falls due: the bridge-builder gets a mail and writes down how it goes.
  const later = { now: () => new Date(Date.now() + 32 * 86_400_000) };
  await remindFollowUps(jobContext({ db, clock: later, config }, tenant));
  await openMail(builder, demo.bridgeBuilder, /En opfølgning venter/);
  await expect(builder.getByText(name)).toHaveCount(0);
  await builder.getByRole("link", { name: /\/bridge\/cases\/.+\/follow-ups/ }).click();
  await expect(builder.getByRole("heading", { level: 1, name: `Opfølgning med ${name}` })).toBeVisible();
  await expectAccessible(builder);
  const followUp = builder.getByRole("form", { name: "Skriv opfølgningen" });
  await followUp.getByLabel("Kommer stadig").check();
  await followUp.getByLabel(/^Personens egne ord/).fill(ownWords);
  await followUp.getByRole("button", { name: "Gem opfølgningen" }).click();
  await expect(builder.getByText(/^Kommer stadig · /)).toBeVisible();
  await expectAccessible(builder);

  // 5. The companion sees the first name and when and where they meet, nothing more.
  const companion = await newPage();
  await signIn(companion, demo.companion);
  await visit(companion, "/bridge/companion");
  const card = companion.getByRole("listitem").filter({ has: companion.getByRole("heading", { name, exact: true }) });
  await expect(card).toContainText("Ved hovedindgangen til Sønderby Station");
  await expect(card).toContainText(/10[.:]00/);
  for (const hidden of [reason, wishes, contact, "Følgeskab de første gange"]) await expect(companion.getByText(hidden)).toHaveCount(0);

  // In English, the companion's page reads the same.
  const summary = companion.getByLabel(/^Menu og sprog/);
  if (await summary.isVisible()) await summary.click();
  await companion.getByLabel("Sprog", { exact: true }).selectOption("en");
  await companion.getByRole("button", { name: "Skift sprog" }).click();
  await expect(companion.locator("html")).toHaveAttribute("lang", "en");
  await expect(companion.getByRole("heading", { level: 1, name: "The people you come along with" })).toBeVisible();
  await expectAccessible(companion);

  // What the journey wrote about the person's circumstances is nowhere in the database file in clear text.
  const file = `.tmp/e2e-${testInfo.parallelIndex}.sqlite`;
  const stored = [file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f).toString("utf8"));
  for (const words of [reason, wishes, ownWords])
    expect(
      stored.some((bytes) => bytes.includes(words)),
      words,
    ).toBe(false);
  await db.destroy();
});

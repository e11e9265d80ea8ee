import type { Page } from "@playwright/test";
import { PORT } from "../playwright.config.js";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/database.js";
import { demo, expect, expectAccessible, signIn, test, visit } from "./fixtures.js";

/** The database of the portal this worker talks to (see playwright.config.ts). */
function portalDb(index: number) {
  const config = loadConfig({ ...process.env, NODE_ENV: "test", SQLITE_FILE: `.tmp/e2e-${index}.sqlite`, PORT: String(PORT + index), LOG_LEVEL: "warn" });
  return openDatabase(config).db;
}

/** Opens the newest mail to this address with this subject in the dev mailbox. */
async function openMail(page: Page, to: string, subject: RegExp) {
  await visit(page, "/dev/mailbox");
  await page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).first().getByRole("link").click();
  await expectAccessible(page);
}

test("an administrator opens a grant scheme, an association applies, a caseworker recommends, the committee decides, the letter arrives and the association reports", async ({
  browser,
  baseURL,
}, testInfo) => {
  // Five people, about forty pages under axe at two widths: longer than one journey's usual time.
  test.setTimeout(900_000);
  const newPage = async () => (await browser.newContext({ locale: "da-DK", baseURL })).newPage();
  const tag = Date.now().toString(36).slice(-4);
  const scheme = `Tilskud til nabofællesskaber ${tag}`;
  const project = `Fællesspisning i Søndergade ${tag}`;

  // 1. The administrator makes a scheme open all year, keeps its ready-made form with a budget table, and opens a round.
  const admin = await newPage();
  await signIn(admin, demo.tenantAdmin);
  await visit(admin, "/grants/schemes/new");
  await expectAccessible(admin);
  await admin.getByLabel("Ordningens navn", { exact: true }).fill(scheme);
  await admin.getByLabel("Formål", { exact: true }).fill("Støtte til naboer, der mødes og hjælper hinanden.");
  await admin.getByLabel("Regler (valgfri)").fill("Der gives ikke tilskud til drift eller alkohol.");
  await admin.getByLabel("Hvem kan søge", { exact: true }).fill("Frivillige foreninger i kommunen.");
  await admin.getByLabel("Højeste beløb, der kan søges").fill("30.000");
  await admin.getByLabel("Kriterium 1", { exact: true }).fill("Samler det mange naboer?");
  await admin.getByLabel("Vægt for kriterium 1").fill("3");
  await admin.getByLabel("Antal deltagere").check();
  await admin.getByLabel("Frivillige timer i alt").check();
  await admin.getByLabel("Kan søges hele året (runder uden frist)").check();
  await admin.getByLabel("Status").selectOption({ label: "Aktiv (vises for foreningerne)" });
  await admin.getByRole("button", { name: "Opret ordningen" }).click();
  await expect(admin.getByText("Ordningen er oprettet med et færdigt ansøgningsskema.")).toBeVisible();
  await expect(admin.getByText("Budget med indtægter og udgifter").first()).toBeVisible();
  await expectAccessible(admin);
  const schemeId = /\/grants\/schemes\/([^/]+)\/form/.exec(admin.url())?.[1];
  expect(schemeId).toBeTruthy();

  // A question asked only after a "yes": hidden in the form until that answer is chosen.
  await admin.getByRole("link", { name: "Tilføj et felt her" }).first().click();
  await admin.getByLabel("Felttype").selectOption({ label: "Ja/nej" });
  await admin.getByLabel("Overskrift (dansk)").fill("Har I søgt andre steder?");
  await admin.getByRole("button", { name: "Tilføj feltet" }).click();
  await admin.getByRole("link", { name: "Tilføj et felt her" }).first().click();
  await admin.getByLabel("Felttype").selectOption({ label: "Lang tekst" });
  await admin.getByLabel("Overskrift (dansk)").fill("Hvor har I søgt?");
  await admin.getByLabel("Vis kun feltet, når").selectOption({ label: "»Har I søgt andre steder?« er Ja" });
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "Tilføj feltet" }).click();
  await expect(admin.getByText("Vises kun, når »Har I søgt andre steder?« er Ja.")).toBeVisible();

  await visit(admin, `/grants/schemes/${schemeId}/preview`);
  await expectAccessible(admin);
  const elsewhere = admin.getByRole("group", { name: "Har I søgt andre steder?" });
  await expect(admin.getByLabel("Hvor har I søgt?")).toBeHidden();
  await elsewhere.getByLabel("Ja").check();
  await expect(admin.getByLabel("Hvor har I søgt?")).toBeVisible();
  await elsewhere.getByLabel("Nej").check();
  await expect(admin.getByLabel("Hvor har I søgt?")).toBeHidden();
  await visit(admin, `/grants/schemes/${schemeId}/rounds/new`);
  await admin.getByLabel("Rundens navn").fill(`Hele året ${tag}`);
  await admin.getByLabel("Budget for runden").fill("100.000");
  await admin.getByLabel("Hvem beslutter").fill("Frivillighedsrådet");
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "Opret runden" }).click();
  await expect(admin.getByText("Runden er gemt.")).toBeVisible();
  await expectAccessible(admin);
  await visit(admin, "/grants/settings");
  await expectAccessible(admin);

  // 2. The association's board finds the scheme, applies with its profile filled in, saves a draft and sends it.
  const board = await newPage();
  await signIn(board, demo.associationAdmin);
  await visit(board, "/grants");
  await expectAccessible(board);
  const card = board.locator("article, section, li").filter({ hasText: scheme }).first();
  await card.getByRole("button", { name: /^Søg/ }).first().click();
  await expect(board.getByRole("heading", { level: 1 })).toBeVisible();
  const profile = board.getByRole("region", { name: "Foreningens oplysninger" });
  await expect(profile.getByText("Lektiecafé Sønderby")).toBeVisible();
  await expect(profile.getByText("9571 0012345677")).toBeVisible();
  const draftPath = new URL(board.url()).pathname;
  await profile.getByRole("link", { name: "Ret foreningens oplysninger" }).click();
  await expectAccessible(board);
  await board.getByLabel("Antal medlemmer").fill("31");
  await board.getByRole("button", { name: "Gem profilen" }).click();
  await expect(board.getByText("Ansøgningsprofilen er gemt.")).toBeVisible();
  await visit(board, draftPath);
  await expect(profile.getByText("31", { exact: true })).toBeVisible();
  await board.getByLabel("Titel på projektet").fill(project);
  await board.getByLabel("Beløb I søger om").fill("20.000");
  await board.getByLabel("Beskrivelse af projektet").fill("Vi inviterer naboerne til fællesspisning hver anden torsdag.");
  await board.getByLabel("Hvem er projektet for?").fill("Ældre og nytilflyttede i Søndergade.");
  await board.getByLabel("Startdato").fill("2027-02-04");
  await board.getByLabel("Slutdato").fill("2027-12-16");
  await board.getByLabel("Udgifter, Post 1").fill("Mad");
  await board.getByLabel("Udgifter, Beløb 1").fill("24.000");
  await board.getByLabel("Andre indtægter (ikke det beløb, I søger om her), Post 1").fill("Egenbetaling");
  await board.getByLabel("Andre indtægter (ikke det beløb, I søger om her), Beløb 1").fill("4.000");
  await board.getByRole("button", { name: "Gem kladde" }).click();
  await expect(board.getByText("Kladden er gemt.")).toBeVisible();
  await expectAccessible(board);
  await board.getByRole("button", { name: "Send ansøgningen" }).click();
  await expect(board.getByText("Ansøgningen er sendt. Bestyrelsen får en kvittering på e-mail.")).toBeVisible();
  await expectAccessible(board);
  const applicationPath = new URL(board.url()).pathname;
  await openMail(board, demo.associationAdmin, /Vi har modtaget jeres ansøgning/);

  // 3. A caseworker declares no conflict, finds it eligible, scores it, recommends the sum and closes the round.
  const caseworker = await newPage();
  await signIn(caseworker, demo.caseworker);
  await visit(caseworker, `${applicationPath}/assess`);
  await expectAccessible(caseworker);
  await caseworker.getByLabel("Ikke inhabil").check();
  await caseworker.getByRole("button", { name: "Gem erklæring" }).click();
  await expect(caseworker.getByText("Din erklæring om inhabilitet er gemt.")).toBeVisible();
  await caseworker.getByLabel("Kan behandles", { exact: true }).check();
  await caseworker.getByRole("button", { name: "Gem vurdering" }).click();
  await expect(caseworker.getByText("Vurderingen er gemt.")).toBeVisible();

  // The caseworker asks about the target group; the board answers on its page, where only that field is open again.
  await caseworker.getByLabel("Dit spørgsmål").fill("Hvor mange naboer regner I med kommer?");
  await caseworker.getByRole("checkbox", { name: "Hvem er projektet for?" }).check();
  await caseworker.getByRole("button", { name: "Send spørgsmål" }).click();
  await expect(caseworker.getByText("Spørgsmålet er sendt til foreningen.")).toBeVisible();
  await visit(board, applicationPath);
  await expectAccessible(board);
  await board.getByLabel("Hvem er projektet for?").fill("Ældre og nytilflyttede i Søndergade, omkring 40 naboer.");
  await board.getByLabel("Jeres svar").fill("Vi regner med omkring 40 naboer hver gang.");
  await board.getByRole("button", { name: "Send svaret" }).click();
  await expect(board.getByText("Svaret er sendt til sagsbehandleren.")).toBeVisible();
  await expectAccessible(board);
  await visit(caseworker, `${applicationPath}/assess`);
  await expect(caseworker.getByText("Vi regner med omkring 40 naboer hver gang.")).toBeVisible();
  for (const group of await caseworker
    .getByRole("group")
    .filter({ has: caseworker.locator("input[type=radio][value='4']") })
    .all()) {
    await group.locator("input[type=radio][value='4']").check();
  }
  await caseworker.getByRole("button", { name: "Gem point" }).click();
  await expect(caseworker.getByText("Dine point er gemt.")).toBeVisible();
  await caseworker.getByLabel("Indstillet beløb").fill("20.000");
  await caseworker.getByLabel("Begrundelse for udvalget").fill("Godt projekt, der samler mange naboer.");
  await caseworker.getByRole("button", { name: "Gem indstilling" }).click();
  await expect(caseworker.getByText("Indstillingen er gemt, og ansøgningen er færdigbehandlet.")).toBeVisible();
  await expectAccessible(caseworker);
  await caseworker
    .getByRole("link", { name: `Hele året ${tag}` })
    .first()
    .click();
  await expectAccessible(caseworker);
  const roundPath = new URL(caseworker.url()).pathname.replace(/\/applications$/, "");
  await visit(caseworker, `${roundPath}/close`);
  await expectAccessible(caseworker);
  await caseworker.getByRole("button", { name: "Ja, luk runden" }).click();

  // 4. The committee member sees the round now it is closed, and decides in the sitting.
  const committee = await newPage();
  await signIn(committee, demo.committee);
  await visit(committee, `${roundPath}/committee`);
  await expectAccessible(committee);
  await committee
    .getByRole("combobox", { name: /^Beslutning/ })
    .first()
    .selectOption("granted");
  await committee.getByRole("button", { name: "Gem beslutningerne" }).click();
  await expect(committee.getByText("20.000 kr.").first()).toBeVisible();
  await expectAccessible(committee);

  // 5. The caseworker sends the letters; the board gets its letter.
  await visit(caseworker, `${roundPath}/committee`);
  await caseworker.getByRole("button", { name: "Send brevene" }).click();
  await expect(caseworker.getByText("Runden er afgjort, og brevene er sendt.")).toBeVisible();
  await expectAccessible(caseworker);
  await openMail(board, demo.associationAdmin, /Tilsagn om tilskud/);
  await expect(board.getByText(project).first()).toBeVisible();
  await visit(board, applicationPath);
  await expect(board.getByRole("heading", { name: "Breve om afgørelsen" })).toBeVisible();
  await expectAccessible(board);

  // The caseworker pays the grant at once and marks it paid; anyone can read the grants made.
  await visit(caseworker, `${roundPath}/payouts`);
  await expectAccessible(caseworker);
  await caseworker.getByRole("button", { name: "Planlæg udbetaling" }).first().click();
  await expect(caseworker.getByText("Udbetalingerne er planlagt.")).toBeVisible();
  await caseworker
    .getByLabel(/^Betalt: /)
    .first()
    .check();
  await caseworker.getByRole("button", { name: "Markér som betalt" }).click();
  await expect(caseworker.getByText("Udbetalingerne er markeret som betalt, og foreningerne har fået besked.")).toBeVisible();
  await expectAccessible(caseworker);
  const visitor = await newPage();
  await visit(visitor, `${roundPath}/awarded`);
  await expect(visitor.getByText(project).first()).toBeVisible();
  await expectAccessible(visitor);

  // 6. A year later the report is past its deadline: the board is refused a new application, with the reason.
  const db = portalDb(testInfo.parallelIndex);
  const applicationId = applicationPath.split("/").pop() as string;
  await db.updateTable("grant_reports").set({ due_on: "2026-01-01" }).where("application_id", "=", applicationId).execute();
  await visit(board, "/grants");
  await board.locator("article, section, li").filter({ hasText: "Aktivitetstilskud" }).first().getByRole("button", { name: /^Søg/ }).first().click();
  await expect(board.getByRole("heading", { level: 1, name: "I kan ikke søge lige nu" })).toBeVisible();
  await expect(board.getByText(project).first()).toBeVisible();
  await expectAccessible(board);

  // 7. The board writes the report; the caseworker approves it, and the association may apply again.
  await board.getByRole("link", { name: "Skriv rapporten" }).first().click();
  await expectAccessible(board);
  await board.getByLabel("Hvad blev der lavet?").fill("Vi holdt 20 fællesspisninger med 30-45 naboer hver gang.");
  await board.getByLabel("Antal deltagere").fill("45");
  await board.getByLabel("Frivillige timer i alt").fill("240");
  await board.getByLabel(/^Mad: faktisk beløb/).fill("24.000");
  await board.getByLabel(/^Egenbetaling: faktisk beløb/).fill("4.000");
  await board.getByRole("button", { name: "Send rapporten" }).click();
  await expect(board.getByText("Rapporten er sendt. Vi giver besked, når den er læst.")).toBeVisible();
  await expectAccessible(board);

  await visit(caseworker, "/grants/reports");
  await expectAccessible(caseworker);
  await visit(caseworker, `${applicationPath}/report`);
  await caseworker.getByRole("button", { name: "Godkend" }).click();
  await expect(caseworker.getByText("Rapporten er godkendt, og foreningen har fået besked.")).toBeVisible();
  await expectAccessible(caseworker);
  await visit(board, "/grants");
  await board.locator("article, section, li").filter({ hasText: "Aktivitetstilskud" }).first().getByRole("button", { name: /^Søg/ }).first().click();
  await expect(board.getByText("Kladde – ikke sendt")).toBeVisible();
  await db.destroy();
});

import { demo, expect, expectAccessible, signIn, test, visit } from "./fixtures.js";

test("an association posts a job the checklist first holds back, staff approve it, a citizen applies without an account, and the association answers", async ({
  browser,
  baseURL,
}) => {
  const newPage = async () => (await browser.newContext({ locale: "da-DK", baseURL })).newPage();
  const title = `Cykelven for beboere på plejehjemmet ${Date.now()}`;

  // The association admin writes a vague posting first.
  const admin = await newPage();
  await signIn(admin, demo.associationAdmin);
  await visit(admin, "/associations");
  await admin.getByRole("link", { name: "Sønderby Besøgsvenner" }).click();
  await admin.getByRole("link", { name: "Foreningens frivilligjob" }).click();
  await expectAccessible(admin);
  await admin.getByRole("link", { name: "Opret frivilligjob" }).click();
  await expectAccessible(admin);
  await admin.getByLabel(/^Titel/).fill("Frivillige søges");
  await admin.getByLabel(/^Område/).selectOption({ label: "Ældre" });
  await admin.getByLabel(/^Hvad skal du lave/).fill("Kør med os.");
  await admin.getByLabel(/^Timer om ugen/).fill("2");
  await admin.getByLabel(/^Sted/).fill("Plejehjemmet Solgården");
  await admin.getByLabel(/^Postnummer/).fill("8260");
  await admin.getByLabel(/^Opslaget udløber/).fill("2027-05-31");
  await admin.getByRole("button", { name: "Send til godkendelse" }).click();
  const checklist = admin.getByRole("alert").filter({ hasText: "Tjekliste" });
  await expect(checklist).toContainText("Titlen siger, hvad opgaven er");
  await expect(admin.getByLabel(/^Sted/)).toHaveValue("Plejehjemmet Solgården");
  await expectAccessible(admin);

  await admin.getByLabel(/^Titel/).fill(title);
  await admin
    .getByLabel(/^Hvad skal du lave/)
    .fill(
      "Du cykler en tur med en eller to beboere i vores rickshaw-cykel en formiddag om ugen. I kører i parken eller ned til havnen, og du fortæller og lytter undervejs. Vi lærer dig at køre cyklen sikkert.",
    );
  await admin.getByRole("button", { name: "Forhåndsvis" }).click();
  const preview = admin.getByRole("region", { name: "Sådan ser opslaget ud" });
  await expect(preview.getByRole("heading", { name: title })).toBeVisible();
  await expect(preview).toContainText("rickshaw-cykel");
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "Send til godkendelse" }).click();
  await expect(admin.getByRole("status")).toContainText("Gemt");
  await expect(admin.getByText("Venter på godkendelse")).toBeVisible();
  await expectAccessible(admin);

  // Staff approve it.
  const staff = await newPage();
  await signIn(staff, demo.staff);
  await visit(staff, "/opportunities/moderation");
  const card = staff.getByRole("form", { name: `Beslut om ${title}` });
  await card.getByRole("button", { name: "Godkend" }).click();
  await expect(staff.getByRole("heading", { name: "Ingen opslag venter" })).toBeVisible();
  await expectAccessible(staff);

  // Once approved it is in the feed and the open-data API too.
  const feed = await staff.request.get("/feeds/jobs.atom");
  expect(await feed.text()).toContain(title);
  const hsds = (await (await staff.request.get(`/api/v1/hsds/services?search=${encodeURIComponent(title)}`)).json()) as { contents: { name: string }[] };
  expect(hsds.contents.map((s) => s.name)).toEqual([title]);

  // A citizen searches with a typo, narrows by distance and category, and applies without an account.
  const citizen = await newPage();
  await visit(citizen, "/search");
  await citizen.getByLabel(/^Hvad leder du efter/).fill("cykelvn plejehjemet");
  await citizen.getByLabel(/^Postnummer/).fill("8270");
  await citizen.getByLabel("Afstand").selectOption({ label: "Højst 10 km væk" });
  await citizen.getByRole("button", { name: "Søg", exact: true }).click();
  await expect(citizen.getByRole("heading", { name: /resultat.* nær 8270 Højbjerg/ })).toBeVisible();
  await expectAccessible(citizen);
  await citizen
    .getByRole("group", { name: "Område" })
    .getByLabel(/^Ældre/)
    .check();
  await citizen.getByRole("button", { name: "Vis resultater" }).click();
  await expect(citizen.getByRole("heading", { name: "1 resultat nær 8270 Højbjerg" })).toBeVisible();
  await expectAccessible(citizen);
  await citizen.getByRole("link", { name: title }).click();
  await expectAccessible(citizen);
  await citizen.getByLabel("Navn").fill("Hanne Holm");
  await citizen.getByLabel("E-mail").fill("hanne.holm@example.org");
  await citizen.getByLabel(/^Skriv lidt om dig selv/).fill("Jeg cykler hver dag og har god tid om formiddagen.");
  await citizen.getByRole("button", { name: "Send ansøgning" }).click();
  await expect(citizen.getByText("Vi har sendt en e-mail til hanne.holm@example.org")).toBeVisible();
  await expectAccessible(citizen);
  await visit(citizen, "/dev/mailbox");
  await citizen
    .getByRole("row", { name: /hanne\.holm@example\.org/ })
    .getByRole("link")
    .first()
    .click();
  await citizen.getByRole("link", { name: /\/applications\/confirm\?token=/ }).click();
  await expect(citizen.getByRole("heading", { name: "Din ansøgning er sendt" })).toBeVisible();
  await expectAccessible(citizen);

  // The association sees the applicant and answers.
  await admin.goto("/associations");
  await admin.getByRole("link", { name: "Sønderby Besøgsvenner" }).click();
  await admin.getByRole("link", { name: "Foreningens frivilligjob" }).click();
  await admin
    .getByRole("row", { name: new RegExp(title) })
    .getByRole("link", { name: "1 ansøger" })
    .click();
  await expect(admin.getByRole("cell", { name: "Hanne Holm", exact: true })).toBeVisible();
  await expectAccessible(admin);
  const row = admin.getByRole("form", { name: "Flyt Hanne Holm" });
  await row.getByLabel("Status for Hanne Holm").selectOption("contacted");
  await row.getByRole("button", { name: "Gem" }).click();
  await expect(admin.getByLabel("Status for Hanne Holm")).toHaveValue("contacted");
  await expectAccessible(admin);

  // The association writes; the citizen answers through the link in the e-mail; both see the thread.
  await admin.getByRole("link", { name: "Hanne Holm" }).click();
  await admin.getByLabel(/^Din besked/).fill("Hej Hanne. Kan du komme forbi plejehjemmet tirsdag kl. 10?");
  await admin.getByRole("button", { name: "Send", exact: true }).click();
  await expect(admin.getByRole("status")).toContainText("Beskeden er sendt til Hanne Holm");
  await expectAccessible(admin);

  await visit(citizen, "/dev/mailbox");
  await citizen
    .getByRole("row", { name: /Besked fra Sønderby Besøgsvenner/ })
    .getByRole("link")
    .first()
    .click();
  await citizen.getByRole("link", { name: /\/applications\/thread\?key=/ }).click();
  await expect(citizen.getByText("Hej Hanne. Kan du komme forbi plejehjemmet tirsdag kl. 10?")).toBeVisible();
  await expectAccessible(citizen);
  await citizen.getByLabel(/^Dit svar/).fill("Ja, det passer fint. Vi ses!");
  await citizen.getByRole("button", { name: "Send", exact: true }).click();
  await expect(citizen.getByRole("status")).toContainText("Dit svar er sendt");
  const citizenThread = citizen.getByRole("list", { name: "Samtalen" });
  await expect(citizenThread.getByRole("listitem")).toHaveCount(3);
  await expect(citizenThread).toContainText("Ja, det passer fint. Vi ses!");
  await expectAccessible(citizen);

  await admin.reload();
  const adminThread = admin.getByRole("list", { name: "Samtalen" });
  await expect(adminThread.getByRole("listitem")).toHaveCount(3);
  await expect(adminThread.getByRole("listitem").last()).toContainText("Ja, det passer fint. Vi ses!");
  await expectAccessible(admin);
});

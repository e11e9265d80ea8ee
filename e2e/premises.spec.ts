import ICAL from "ical.js";
import { Temporal } from "temporal-polyfill";
import { formats } from "../src/platform/i18n/format.js";
import { demo, expect, expectAccessible, signIn, test, visit } from "./fixtures.js";

/** The first Tuesday of the coming September, and the June after: a season that spans both clock changes. */
function season() {
  const today = Temporal.Now.plainDateISO("Europe/Copenhagen");
  const year = today.month < 9 ? today.year : today.year + 1;
  let first = Temporal.PlainDate.from({ year, month: 9, day: 1 });
  while (first.dayOfWeek !== 2) first = first.add({ days: 1 });
  // The last Sunday of October, when summer time ends.
  let change = Temporal.PlainDate.from({ year, month: 10, day: 31 });
  while (change.dayOfWeek !== 7) change = change.subtract({ days: 1 });
  return { first: first.toString(), until: `${year + 1}-06-30`, afterChange: change.add({ days: 2 }).toString() };
}

test("an association finds a free hall for Tuesday 18–20, books it weekly until June, the caseworker approves, and the .ics keeps 18:00 after the clock change", async ({
  browser,
}) => {
  const { first, until, afterChange } = season();
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, demo.associationAdmin);
  await visit(admin, "/premises");
  await admin.getByLabel("Dato").fill(first);
  await admin.getByLabel("Fra kl.").fill("18:00");
  await admin.getByLabel("Til kl.").fill("20:00");
  await admin.getByLabel(/^Antal personer/).fill("25");
  await admin.getByRole("button", { name: "Find ledige lokaler" }).click();
  await expect(admin.getByRole("heading", { name: /ledige lokaler/ })).toBeVisible();
  await expectAccessible(admin);
  await admin.getByRole("link", { name: "Book Sønderby Skole, gymnastiksal" }).click();

  await expect(admin.getByLabel("Dato")).toHaveValue(first);
  await admin.getByLabel("Hvad skal lokalet bruges til?").fill("Seniorgymnastik");
  await admin.getByLabel("Gentag").selectOption("weekly");
  await admin.getByLabel(/^Til og med/).fill(until);
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "Send ønsket" }).click();
  await expect(admin.getByRole("status")).toContainText("tiden er holdt til jer");
  await expect(admin.getByText("Venter på svar (tiden er holdt)")).toBeVisible();
  await expectAccessible(admin);

  const caseworker = await (await browser.newContext()).newPage();
  await signIn(caseworker, demo.caseworker);
  await visit(caseworker, "/premises/requests");
  await caseworker.getByLabel(/Sønderby Skole, gymnastiksal: Seniorgymnastik/).check();
  await caseworker.getByRole("button", { name: "Godkend de valgte" }).click();
  await expect(caseworker.getByRole("status")).toContainText("Afgørelsen er gemt, og foreningerne har fået en e-mail");
  await expectAccessible(caseworker);

  await visit(admin, "/dev/mailbox");
  await admin.getByRole("link", { name: "Booket: Sønderby Skole, gymnastiksal" }).first().click();
  await expect(admin.getByText(/Dørkode til sidedøren: 2468/)).toBeVisible();
  await expectAccessible(admin);
  const download = admin.waitForEvent("download");
  await admin.getByRole("link", { name: "booking.ics" }).click();
  const ics = await (await (await download).createReadStream()).toArray();
  const events = new ICAL.Component(ICAL.parse(Buffer.concat(ics).toString("utf8"))).getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
  const local = (time: ICAL.Time) =>
    Temporal.Instant.fromEpochMilliseconds(time.toJSDate().getTime()).toZonedDateTimeISO("Europe/Copenhagen").toPlainDateTime();
  const starts = events.map((e) => local(e.startDate).toString({ smallestUnit: "minute" }));
  expect(starts[0]).toBe(`${first}T18:00`);
  expect(starts).toContain(`${afterChange}T18:00`);
  expect(starts.every((s) => s.endsWith("T18:00"))).toBe(true);
});

test("a caseworker proposes another time, the association takes it, then moves and cancels it", async ({ browser }) => {
  const { first } = season();
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, demo.associationAdmin);
  await visit(admin, `/premises?date=${first}&start=10:00&end=12:00&people=50`);
  await admin.getByRole("link", { name: "Book Kulturhuset, salen" }).click();
  await admin.getByLabel("Hvad skal lokalet bruges til?").fill("Loppemarked");
  await admin.getByRole("button", { name: "Send ønsket" }).click();
  await expect(admin.getByRole("status")).toContainText("tiden er holdt til jer");
  const booking = new URL(admin.url()).pathname;

  const caseworker = await (await browser.newContext()).newPage();
  await signIn(caseworker, demo.caseworker);
  await visit(caseworker, "/premises/requests");
  await caseworker.getByRole("link", { name: "Åbn Kulturhuset, salen: Loppemarked" }).click();
  await expectAccessible(caseworker);
  const propose = caseworker.getByRole("region", { name: "Foreslå en anden tid" });
  await propose.getByLabel("Fra kl.").fill("13:00");
  await propose.getByLabel("Til kl.").fill("15:00");
  await propose.getByLabel(/^Besked til foreningen/).fill("Formiddagen er optaget af koret.");
  await propose.getByRole("button", { name: "Send forslaget" }).click();
  await expect(caseworker.getByText("Ny tid foreslået")).toBeVisible();
  await expectAccessible(caseworker);

  await visit(admin, booking);
  await expect(admin.getByText(/Kommunen foreslår .* kl\. 13\.00–15\.00/)).toBeVisible();
  await admin.getByRole("button", { name: "Ja, vi tager den tid" }).click();
  await expect(admin.getByText("Booket", { exact: true })).toBeVisible();
  await expectAccessible(admin);

  const move = admin.getByRole("region", { name: "Flyt en dato" });
  const nextWeek = Temporal.PlainDate.from(first).add({ days: 7 }).toString();
  await move.getByLabel("Ny dato").fill(nextWeek);
  await move.getByRole("button", { name: "Flyt" }).click();
  await expect(admin.getByRole("status")).toContainText("Gemt");
  await expect(admin.getByRole("region", { name: "Datoer" })).toContainText(formats("da", "Europe/Copenhagen").dateWithWeekday(nextWeek));
  await expectAccessible(admin);

  const cancel = admin.getByRole("region", { name: "Aflys" });
  await cancel.getByLabel("Hvad skal aflyses?").selectOption({ label: "Hele bookingen" });
  await cancel.getByRole("button", { name: "Aflys" }).click();
  await expect(admin.getByText("Aflyst", { exact: true })).toBeVisible();
  await expectAccessible(admin);
});

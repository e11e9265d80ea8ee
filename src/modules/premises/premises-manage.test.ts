import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildPremise, clearBookings, type PremisesWorld, premisesWorld } from "../../../test/factories/premises.factory.js";
import { dialects, TestClock, Visitor } from "../../../test/harness.js";

describe.each(dialects())("describing premises [%s]", (dialect) => {
  let t: PremisesWorld["t"];
  let env: PremisesWorld["env"];
  let a: PremisesWorld["a"];
  let club: PremisesWorld["club"];
  let rooms: PremisesWorld["rooms"];
  let admin: PremisesWorld["admin"];
  let request: PremisesWorld["request"];
  let world: PremisesWorld;
  const clock = new TestClock();

  beforeAll(async () => {
    world = await premisesWorld(dialect, clock);
    ({ t, env, a, club, rooms, admin, request } = world);
  });
  afterAll(() => world.t.destroy());
  beforeEach(() => clearBookings(world.t.db));
  const premise = (tenant: PremisesWorld["a"], fields: Parameters<typeof buildPremise>[2]) => buildPremise(world.t.db, tenant, fields, clock.now());

  it("lets staff describe a new building and a room in it, with hours and closures, and nobody else", async () => {
    const staff = await admin("sagsbehandler@a.test");
    const fields = {
      name: "Grønby Forsamlingshus",
      kind: "building",
      parentId: "",
      description: "",
      address: "Bygaden 2",
      postcode: "8000",
      capacity: "",
      sizeM2: "",
      facilities: "",
      accessibility: [] as string[],
      houseRules: "",
      accessDetails: "Nøglen hænger i nøgleboksen, kode 1111",
      whoMayBook: "associations",
      approval: "manual",
      pricePerHour: "0",
      minMinutes: "30",
      maxMinutes: "480",
      maxDaysAhead: "365",
      bufferMinutes: "0",
      cancelHours: "24",
    };
    const building = await staff.post("/premises/manage/new", fields, { from: "/premises/manage/new" });
    expect(building.status).toBe(303);
    const buildingId = (building.headers.get("location") ?? "").split("/")[2] ?? "";
    const room = await staff.post(
      "/premises/manage/new",
      {
        ...fields,
        name: "Forsamlingshusets sal",
        kind: "hall",
        parentId: buildingId,
        address: "",
        postcode: "",
        capacity: "80",
        bookable: "on",
        accessibility: ["step_free"],
        pricePerHour: "350,50",
      },
      { from: "/premises/manage/new" },
    );
    expect(room.status).toBe(303);
    const roomId = (room.headers.get("location") ?? "").split("/")[2] ?? "";
    expect(
      await t.db
        .selectFrom("premises")
        .select(["parent_id", "capacity", "price_per_hour", "bookable", "accessibility"])
        .where("id", "=", roomId)
        .executeTakeFirst(),
    ).toEqual({
      parent_id: buildingId,
      capacity: 80,
      price_per_hour: 35050,
      bookable: 1,
      accessibility: "step_free",
    });

    const hours = Object.fromEntries(
      [1, 2, 3, 4, 5, 6, 7].flatMap((d) => [
        [`opens${d}`, d < 6 ? "17:00" : ""],
        [`closes${d}`, d < 6 ? "23:00" : ""],
      ]),
    );
    expect((await staff.post(`/premises/${buildingId}/hours`, { ...hours, closes2: "16:00" }, { from: "/" })).status).toBe(422);
    expect(await t.db.selectFrom("premise_hours").select("id").where("premise_id", "=", buildingId).execute()).toEqual([]);
    expect((await staff.post(`/premises/${buildingId}/hours`, hours, { from: "/" })).status).toBe(303);
    expect((await staff.post(`/premises/${buildingId}/closures`, { from: "2026-12-10", to: "2026-12-09", reason: "Maling" }, { from: "/" })).status).toBe(422);
    expect((await staff.post(`/premises/${buildingId}/closures`, { from: "2026-12-08", to: "2026-12-09", reason: "Maling" }, { from: "/" })).status).toBe(303);

    const v = await admin();
    const bookRoom = (date: string) =>
      v.post(
        `/premises/${roomId}/book`,
        { associationId: club.id, purpose: "Juleklip", participants: "30", date, start: "18:00", end: "20:00", repeat: "none", until: "" },
        { from: "/" },
      );
    expect((await bookRoom("2026-12-01")).status).toBe(303);
    expect(await (await bookRoom("2026-12-08")).text()).toContain("(Maling)");
    expect(await (await bookRoom("2026-12-05")).text()).toContain("Lokalet har lukket den dag");

    // A premise cannot be moved inside one of its own parts.
    const cycle = await staff.post(`/premises/${buildingId}/edit`, { ...fields, parentId: roomId }, { from: "/" });
    expect(cycle.status).toBe(422);
    expect(await cycle.text()).toContain("kan ikke være en del af sig selv");
    expect((await staff.post(`/premises/${roomId}/edit`, { ...fields, minMinutes: "120", maxMinutes: "60" }, { from: "/" })).status).toBe(422);

    expect((await v.get("/premises/manage")).status).toBe(403);
    expect((await v.post(`/premises/${roomId}/edit`, { ...fields, name: "Overtaget" }, { from: "/" })).status).toBe(403);
    const foreign = new Visitor(env.app, "b.test");
    await foreign.signIn("sagsbehandler@b.test");
    expect((await foreign.get(`/premises/${roomId}/edit`)).status).toBe(404);
    expect((await foreign.post(`/premises/${roomId}/closures`, { from: "2026-12-01", to: "2026-12-31", reason: "Overtaget" }, { from: "/" })).status).toBe(404);
    expect((await t.db.selectFrom("premises").select("name").where("id", "=", roomId).executeTakeFirstOrThrow()).name).toBe("Forsamlingshusets sal");

    expect(await (await staff.post(`/premises/${buildingId}/delete`, {}, { from: "/" })).text()).toContain("Stedet har dele");
    expect(await (await staff.post(`/premises/${roomId}/delete`, {}, { from: "/" })).text()).toContain("Stedet er booket");
    expect((await v.post(`/premises/${roomId}/delete`, {}, { from: "/" })).status).toBe(403);
    const spare = await staff.post(
      "/premises/manage/new",
      { ...fields, name: "Depotrum", kind: "room", parentId: buildingId, address: "", postcode: "" },
      { from: "/" },
    );
    const spareId = (spare.headers.get("location") ?? "").split("/")[2] ?? "";
    expect((await staff.post(`/premises/${spareId}/delete`, {}, { from: "/" })).status).toBe(303);
    expect(await t.db.selectFrom("premises").select("id").where("id", "=", spareId).execute()).toEqual([]);
  });

  it("shows staff's photos of a premise with their description, checks the bytes, and keeps others from adding them", async () => {
    const png = new Uint8Array(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"));
    const staff = await admin("sagsbehandler@a.test");
    const upload = (who: Visitor, alt: string, content: Uint8Array<ArrayBuffer> | string, name = "sal.png") =>
      who.upload(`/premises/${rooms.hall}/photos`, { alt }, { name, content, type: "image/png", field: "photo" }, { from: `/premises/${rooms.hall}/edit` });
    expect((await upload(staff, "", png)).status).toBe(422);
    const fake = await upload(staff, "Hallen", "<svg onload=alert(1)></svg>");
    expect(fake.status).toBe(415);
    const big = new Uint8Array(600 * 1024);
    big.set(png);
    expect((await upload(staff, "Hallen", big)).status).toBe(413);
    expect((await upload(await admin(), "Hallen", png)).status).toBe(403);
    expect(await t.db.selectFrom("premise_photos").select("id").execute()).toEqual([]);

    expect((await upload(staff, "Idrætshallen med ribber og tre badmintonbaner", png)).status).toBe(303);
    const page = await (await new Visitor(env.app, "a.test").get(`/premises/${rooms.hall}`)).text();
    const src = page.match(/<img src="([^"]+)" alt="Idrætshallen med ribber og tre badmintonbaner"/)?.[1] ?? "";
    expect(src).not.toBe("");
    const photo = await new Visitor(env.app, "a.test").get(src);
    expect(photo.headers.get("content-type")).toBe("image/png");
    expect(photo.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(photo.headers.get("content-disposition")).toBe('attachment; filename="photo.png"');
    expect(photo.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await new Visitor(env.app, "b.test").get(src)).status).toBe(404);
  });

  it("takes a photo up to its own limit of 500 KB, past the limit for other forms, and leaves no file behind a removed photo", async () => {
    // Noise saved without compression: a real picture of a known size.
    const noise = (side: number) =>
      sharp(
        Uint8Array.from({ length: side * side * 3 }, () => Math.floor(Math.random() * 256)),
        { raw: { width: side, height: side, channels: 3 } },
      )
        .png({ compressionLevel: 0 })
        .toBuffer();
    const [fits, tooBig] = [await noise(369), await noise(452)];
    expect(Math.round(fits.length / 1024)).toBe(400);
    expect(Math.round(tooBig.length / 1024)).toBe(600);
    const staff = await admin("sagsbehandler@a.test");
    const files = async () => (await t.db.selectFrom("files").select("id").where("tenant_id", "=", a.id).execute()).length;
    const before = await files();
    const upload = (premiseId: string, content: Buffer) =>
      staff.upload(
        `/premises/${premiseId}/photos`,
        { alt: "Salen set fra scenen" },
        { name: "sal.png", content: new Uint8Array(content), type: "image/png", field: "photo" },
        { from: `/premises/${premiseId}/edit` },
      );
    const refused = await upload(rooms.classroom ?? "", tooBig);
    expect(refused.status).toBe(413);
    const form = await refused.text();
    expect(form).toContain("Billedet fylder for meget");
    expect(form).toContain('value="Salen set fra scenen"');
    expect(await files()).toBe(before);

    expect((await upload(rooms.classroom ?? "", fits)).status).toBe(303);
    expect(await files()).toBe(before + 1);
    const photoId = (
      await t.db
        .selectFrom("premise_photos")
        .select("id")
        .where("premise_id", "=", rooms.classroom ?? "")
        .executeTakeFirstOrThrow()
    ).id;
    expect((await staff.post(`/premises/${rooms.classroom}/photos/${photoId}/delete`, {}, { from: "/" })).status).toBe(303);
    expect(await files()).toBe(before);

    const shed = await premise(a, { name: "Redskabsrum", parentId: rooms.school });
    expect((await upload(shed, fits)).status).toBe(303);
    expect(await files()).toBe(before + 1);
    expect((await staff.post(`/premises/${shed}/delete`, {}, { from: "/" })).status).toBe(303);
    expect(await files()).toBe(before);
  });

  it("lets staff give a premise other opening hours for a season, which beat the all-year hours between its dates", async () => {
    const staff = await admin("sagsbehandler@a.test");
    const summer = Object.fromEntries(
      [1, 2, 3, 4, 5, 6, 7].flatMap((d) => [
        [`opens${d}`, d < 6 ? "10:00" : ""],
        [`closes${d}`, d < 6 ? "16:00" : ""],
      ]),
    );
    expect((await staff.post(`/premises/${rooms.school}/hours`, { ...summer, from: "2027-07-01", to: "2027-06-01" }, { from: "/" })).status).toBe(422);
    expect((await staff.post(`/premises/${rooms.school}/hours`, { ...summer, from: "2027-06-01", to: "2027-08-31" }, { from: "/" })).status).toBe(303);
    expect(await (await staff.get(`/premises/${rooms.school}/edit`)).text()).toContain("1. juni–31. august 2027");
    const v = await admin();
    expect(await (await request(v, "classroom", { date: "2027-07-06" })).text()).toContain("Lokalet har åbent 10.00–16.00 den dag");
    expect(await (await request(v, "classroom", { date: "2027-07-10" })).text()).toContain("Lokalet har lukket den dag");
    expect((await request(v, "classroom", { date: "2027-07-06", start: "10:00", end: "12:00" })).status).toBe(303);
    expect((await request(v, "classroom", { date: "2027-09-07" })).status).toBe(303);

    expect((await staff.post(`/premises/${rooms.school}/seasons/delete`, { from: "2027-06-01", to: "2027-08-31" }, { from: "/" })).status).toBe(303);
    expect(
      await t.db
        .selectFrom("premise_hours")
        .select("id")
        .where("premise_id", "=", rooms.school ?? "")
        .where("valid_from", "is not", null)
        .execute(),
    ).toEqual([]);
    expect((await request(v, "classroom", { date: "2027-07-13" })).status).toBe(303);
  });
});

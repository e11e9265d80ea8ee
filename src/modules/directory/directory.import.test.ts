import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAssociation,
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  type TenantFixture,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";

const GOOD = [
  "forening;cvr;type;titel;beskrivelse;kategori;målgrupper;sted;postnr;tid;pris;e-mail",
  "Sorggruppen;;hjælp;Sorggruppe for voksne;Vi mødes i en lille gruppe og taler om at have mistet en ægtefælle.;counselling;Efterladte, seniors;Frivilligcentret;8000;Hver anden torsdag kl. 19-21;gratis;sorg@forening.test",
  ";13585628;aktivitet;Gåtur i Riis Skov;Vi går en times tur i skoven og drikker kaffe bagefter. Alle kan være med.;Idræt og motion;;Riis Skov;8000;Tirsdag kl. 10;20 kr. for kaffe;gaa@klub.test",
  "Sorggruppen;;;Sorg-café online;En samtale på video for dig, der har mistet, hver måned på en søndag.;counselling;;;;Første søndag i måneden;;sorg@forening.test",
].join("\n");
const BROKEN = [
  "forening,titel,beskrivelse,kategori,målgrupper,sted,postnr,tid,e-mail",
  "Ukendt Forening,Strikkecafé,Vi strikker og drikker kaffe sammen hver uge.,culture,,Biblioteket,8000,Onsdag,strik@klub.test",
  "Sorggruppen,Sorggruppe,Vi mødes i en lille gruppe og taler sammen.,nonsense,,Kirken,8000,Torsdag,sorg@forening.test",
  "Sorggruppen,Samtale,Vi mødes i en lille gruppe og taler sammen.,counselling,astronauter,Kirken,8000,Torsdag,sorg@forening.test",
  "Sorggruppen,Kaffe,Vi mødes i en lille gruppe og taler sammen.,counselling,,Kirken,,Torsdag,sorg@forening.test",
  "Sorggruppen,Læsekreds,Vi læser en bog om måneden og taler om den.,culture,,Kirken,8000,Torsdag,ikke-en-adresse",
  "Sorggruppen,Læsekreds,Vi læser en bog om måneden og taler om den.,culture,,Kirken,8000,Torsdag,sorg@forening.test",
  "Sorggruppen,Læsekreds,Vi læser en bog om måneden og taler om den.,culture,,Kirken,8000,Torsdag,sorg@forening.test",
].join("\r\n");

describe.each(dialects())("importing activities and offers from CSV [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let staff: Visitor;
  const titles = async () => (await t.db.selectFrom("offers").select("title").orderBy("title").execute()).map((r) => r.title);

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    const b = await createTenant(t.db, { slug: "b", host: "b.test" });
    const sorg = await createAssociation(t.db, a, "Sorggruppen");
    const walk = await createAssociation(t.db, a, "Gåklubben");
    await t.db.updateTable("associations").set({ registration_number: "13585628" }).where("id", "=", walk.id).execute();
    // The same name in another municipality must not receive this tenant's offers.
    await createAssociation(t.db, b, "Ukendt Forening");
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, a, { email: "admin@sorg.test", memberships: [{ associationId: sorg.id, role: "admin" }] });
    await createPerson(t.db, b, { email: "staff@b.test", roles: ["staff"] });
    env = createTestApp(t.db);
    staff = new Visitor(env.app, "a.test");
    await staff.signIn("staff@a.test");
  });
  afterAll(() => t.destroy());

  const upload = (content: string, intent = "dry-run", visitor = staff) =>
    visitor.upload("/directory/import", { intent }, { name: "tilbud.csv", content, type: "text/csv" }, { from: "/directory/import" });

  it("lists every bad row by line number with the reason, and writes nothing", async () => {
    const res = await upload(BROKEN, "apply");
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const [line, field, reason] of [
      ["2", "Forening", "kender ikke foreningen"],
      ["3", "Område", "Vælg et område"],
      ["4", "For hvem", "ikke gyldig"],
      ["5", "Postnummer", ""],
      ["6", "Kontaktpersonens e-mail", "e-mail"],
      ["8", "Navn på aktiviteten", "Står to gange i filen"],
    ])
      expect(html, `line ${line}`).toMatch(new RegExp(`<td[^>]*>${line}</td><td[^>]*>${field}[^<]*</td><td[^>]*>[^<]*${reason}`, "i"));
    expect(html).not.toMatch(/<td[^>]*>7<\/td>/);
    expect(await titles()).toEqual([]);
  });

  it("shows a dry run first, imports on the second step into search, and a second import doubles nothing", async () => {
    const dry = await upload(GOOD);
    expect(dry.status, (await dry.clone().text()).match(/<tbody>.*<\/tbody>/)?.[0]).toBe(200);
    expect(await dry.text()).toContain("3 nye, 0 opdateres");
    expect(await titles()).toEqual([]);

    const applied = await upload(GOOD, "apply");
    expect(await applied.text()).toContain("Importeret: 3 nye tilbud og 0 opdaterede.");
    expect(await titles()).toEqual(["Gåtur i Riis Skov", "Sorg-café online", "Sorggruppe for voksne"]);
    const walk = await t.db.selectFrom("offers").selectAll().where("title", "=", "Gåtur i Riis Skov").executeTakeFirstOrThrow();
    expect(walk).toMatchObject({ kind: "activity", price: "cost", price_text: "20 kr. for kaffe", status: "published", online: 0 });
    const grief = await t.db.selectFrom("offers").selectAll().where("title", "=", "Sorggruppe for voksne").executeTakeFirstOrThrow();
    expect(grief).toMatchObject({ kind: "help", price: "free", target_groups: "bereaved,seniors", postcode: "8000" });
    expect((await t.db.selectFrom("offers").select("online").where("title", "=", "Sorg-café online").executeTakeFirstOrThrow()).online).toBe(1);
    const found = (await (await new Visitor(env.app, "a.test").get("/api/v1/search?q=sorggruppe&kind=offer")).json()) as { data: { id: string }[] };
    expect(found.data.map((d) => d.id)).toContain(grief.id);

    const again = await upload(GOOD.replace("Hver anden torsdag", "Hver torsdag"), "apply");
    expect(await again.text()).toContain("Importeret: 0 nye tilbud og 3 opdaterede.");
    expect(await titles()).toHaveLength(3);
    expect((await t.db.selectFrom("offers").select("time_text").where("id", "=", grief.id).executeTakeFirstOrThrow()).time_text).toBe("Hver torsdag kl. 19-21");
  });

  it("keeps the import to staff of the tenant", async () => {
    const admin = new Visitor(env.app, "a.test");
    await admin.signIn("admin@sorg.test");
    expect((await admin.get("/directory/import")).status).toBe(403);
    expect((await upload(GOOD, "apply", admin)).status).toBe(403);
    const other = new Visitor(env.app, "b.test");
    await other.signIn("staff@b.test");
    const res = await upload(GOOD, "apply", other);
    expect(await res.text()).toContain("kender ikke foreningen");
    expect(await t.db.selectFrom("offers").select("id").where("tenant_id", "!=", a.id).execute()).toEqual([]);
  });
});

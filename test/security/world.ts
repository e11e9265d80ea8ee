// Two municipalities on one deployment, each with people in every role and records in every module,
// made through the product's own forms wherever one exists, so the records are what real use leaves.
import sharp from "sharp";
import type { Config } from "../../src/config.js";
import type { Database } from "../../src/db/database.js";
import { insertCompanion } from "../../src/modules/bridge/companions.repository.js";
import { insertFollowUp } from "../../src/modules/bridge/follow-ups.repository.js";
import { insertPick, insertReferral } from "../../src/modules/bridge/handover.repository.js";
import type { StaffRole } from "../../src/platform/auth/policy.js";
import { createSession } from "../../src/platform/auth/sessions.js";
import { signedKey } from "../../src/platform/auth/signed-links.js";
import type { Clock } from "../../src/platform/clock.js";
import { dataKeyring } from "../../src/platform/crypto/data-key.js";
import { newId } from "../../src/platform/ids.js";
import { buildBridgeCase } from "../factories/bridge-case.js";
import { buildEvent } from "../factories/event.factory.js";
import { buildGrantApplication, buildScheme } from "../factories/grants.factory.js";
import { createAssociation, createPerson, createTenant, PASSWORD, type TenantFixture } from "../harness.js";
import { Browser, type Fields, type Received, type Send, type Upload } from "./client.js";

export const ROLES = [
  "anonymous",
  "citizen",
  "member",
  "associationAdmin",
  "otherAdmin",
  "staff",
  "caseworker",
  "tenantAdmin",
  "bridgeBuilder",
  "otherBuilder",
  "companion",
  "referrer",
] as const;
export type Role = (typeof ROLES)[number];
export type Person = Exclude<Role, "anonymous">;

export interface TenantWorld {
  key: "alfa" | "bravo";
  id: string;
  host: string;
  /** The session cookie of each signed-in role. */
  sessions: Record<Person, string>;
  users: Record<Person, { id: string; email: string }>;
  club: string;
  clubName: string;
  otherAssociation: string;
  categoryId: string;
  categoryCode: string;
  job: string;
  pendingJob: string;
  application: string;
  threadKey: string;
  offer: string;
  pendingOffer: string;
  /** The centre's course, and an association's event waiting for approval. */
  organisedEvent: string;
  pendingEvent: string;
  building: string;
  room: string;
  photo: string;
  closure: string;
  booking: string;
  pendingBooking: string;
  round: string;
  roundApplication: string;
  event: string;
  eventSession: string;
  /** The key in the citizen's registration mails. */
  eventKey: string;
  /** A volunteer fair where the club has stand 1, a visitor left their interest, and staff noted an agreement. */
  fair: string;
  stand: string;
  standCode: string;
  savedSearch: string;
  apiToken: string;
  apiSecret: string;
  calendarFile: string;
  mail: string;
  oidcSlug: string;
  hsdsServiceAtLocation: string;
  hsdsTaxonomy: string;
  hsdsTaxonomyTerm: string;
  consent: string;
  tokens: {
    verify: string;
    magic: string;
    reset: string;
    invite: string;
    application: string;
    event: string;
    consent: string;
    dataRequest: string;
    network: string;
  };
  /** A network the member role has joined, its meeting, her agenda point, an invitee who has not joined, and her feed key. */
  network: string;
  networkMeeting: string;
  agendaPoint: string;
  networkInvitee: string;
  networkFeedKey: string;
  networkFile: string;
  /**
   * Bridge-building, in the first tenant only: a case held by the bridge-builder role (consent, intake, a chosen
   * pick, a referral to the club that was accepted with a first meeting, the companion role assigned, a follow-up
   * due); otherBuilder is a bridge-builder who does not hold it, referrer a municipal worker who may refer.
   */
  bridgeCase?: string;
  bridgePick?: string;
  bridgeReferral?: string;
  bridgeFollowUp?: string;
  /** What of the case only those told may see: its first name, and the words only its bridge-builder may read. */
  bridgeWords?: { firstName: string; secret: string[] };
  /** A grant scheme with a round taking applications, and the club's application in it (sent). */
  grantScheme: string;
  grantRound: string;
  grantApplication: string;
  /**
   * Cooperation and support, each made through its own forms: an agreed, public agreement between the
   * municipality and the club (its notes and contact person not public) with a document; a contact topic answered
   * by the staff role and the citizen's enquiry with its follow-link key and an internal note; a published guide
   * (and a draft); a member group with the club as member; a sent newsletter (its subscriber's keys) and a draft;
   * the citizen as an expert, the club's request for one and the accepted match; a counselling case for the club
   * with a conversation; a child-protection certificate record for a volunteer of the club.
   */
  agreement: string;
  agreementDocument: string;
  agreementLevel: string;
  contactTopic: string;
  enquiry: string;
  enquiryKey: string;
  guide: string;
  guideSlug: string;
  memberGroup: string;
  member: string;
  newsletter: string;
  newsletterDraft: string;
  subscribeKey: string;
  unsubscribeKey: string;
  expert: string;
  expertRequest: string;
  expertMatch: string;
  counsellingCase: string;
  certificate: string;
  /**
   * Texts of this tenant that only some of its own roles may see (in any answer to any other role of it they are a
   * leak): an internal note never reaches the association's board, a certificate never the centre's staff.
   */
  sight: { text: string; seenBy: readonly Role[] }[];
  /** Names, titles and texts of this tenant that no page of the other tenant may show. */
  names: string[];
  /** Every id above: rows of the other tenant must never come to refer to them. */
  ids: string[];
}

export interface World {
  alfa: TenantWorld;
  bravo: TenantWorld;
}

export const OIDC_SECRET_NAME = "kommune";

const PEOPLE: Record<Person, string> = {
  citizen: "Karen Borger",
  member: "Jonas Medlem",
  associationAdmin: "Mette Formand",
  otherAdmin: "Ole Gåformand",
  staff: "Ali Centermedarbejder",
  caseworker: "Birgitte Sagsbehandler",
  tenantAdmin: "Peter Kommuneadmin",
  bridgeBuilder: "Hanne Brobygger",
  otherBuilder: "Lars Brobygger",
  companion: "Sofie Følgeven",
  referrer: "Jens Jobcenter",
};

export async function tinyPng(): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width: 8, height: 8, channels: 3, background: "#0b5e7e" } })
      .png()
      .toBuffer(),
  );
}

function expectStatus(res: Received, status: number, what: string) {
  if (res.status !== status) throw new Error(`Building the fixture: ${what} gave ${res.status}, not ${status}:\n${res.body.slice(0, 1500)}`);
  return res;
}
const idFrom = (res: Received, index: number) => (res.headers.location ?? "").split("?")[0]?.split("/")[index] ?? "";

async function mailTo(db: Database, tenantId: string, to: string) {
  return db
    .selectFrom("mail_outbox")
    .select(["id", "text"])
    .where("tenant_id", "=", tenantId)
    .where("to_address", "=", to)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
}
async function linkParam(db: Database, tenantId: string, to: string, param: string) {
  const { text } = await mailTo(db, tenantId, to);
  const match = text.match(new RegExp(`[?&]${param}=([^&\\s]+)`));
  if (!match?.[1]) throw new Error(`Building the fixture: no ${param} in the mail to ${to}:\n${text}`);
  return decodeURIComponent(match[1]);
}

/** One tenant through its own pages. `send` reaches an app holding `db`; the clock is the app's. */
export async function buildTenant(
  db: Database,
  send: Send,
  env: { clock: Clock; config: Config; oidcIssuer: string; drainJobs: () => Promise<void> },
  key: "alfa" | "bravo",
): Promise<TenantWorld> {
  const P = key === "alfa" ? "Alfa" : "Bravo";
  const host = `${key}.test`;
  const tenant = await createTenant(db, { slug: key, host, isDefault: key === "alfa" });
  const club = await createAssociation(db, tenant, `${P} Badmintonklub`);
  const other = await createAssociation(db, tenant, `${P} Gåklub`);
  const memberships: Partial<Record<Person, { associationId: string; role: "member" | "admin" }[]>> = {
    member: [{ associationId: club.id, role: "member" }],
    associationAdmin: [{ associationId: club.id, role: "admin" }],
    otherAdmin: [{ associationId: other.id, role: "admin" }],
  };
  const staffRoles: Partial<Record<Person, StaffRole[]>> = {
    staff: ["staff"],
    caseworker: ["caseworker"],
    tenantAdmin: ["tenant_admin"],
    bridgeBuilder: ["bridge_builder"],
    otherBuilder: ["bridge_builder"],
    referrer: ["referrer"],
  };
  const users = {} as TenantWorld["users"];
  const sessions = {} as TenantWorld["sessions"];
  for (const role of Object.keys(PEOPLE) as Person[]) {
    const email = `${role.toLowerCase()}@${host}`;
    const user = await createPerson(db, tenant, { email, name: `${P} ${PEOPLE[role]}`, roles: staffRoles[role], memberships: memberships[role] });
    users[role] = user;
    sessions[role] = await createSession(db, env.clock, env.config, { tenantId: tenant.id, userId: user.id, ip: null, userAgent: "probe" });
  }
  await db
    .insertInto("oidc_providers")
    .values({
      id: newId(),
      tenant_id: tenant.id,
      slug: `${key}-kommune`,
      label: `${P} Kommunelogin`,
      issuer: env.oidcIssuer,
      client_id: "sammen",
      secret_name: OIDC_SECRET_NAME,
      grants_role: "staff",
    })
    .execute();
  const category = await db
    .selectFrom("taxonomy_terms")
    .select(["id", "code"])
    .where("tenant_id", "=", tenant.id)
    .where("kind", "=", "category")
    .where("code", "=", "learning")
    .executeTakeFirstOrThrow();

  const as = async (role: Role) => new Browser(send, host, role === "anonymous" ? null : sessions[role]).prepare();
  const anonymous = await as("anonymous");
  const citizen = await as("citizen");
  const clubAdmin = await as("associationAdmin");
  const staff = await as("staff");
  const caseworker = await as("caseworker");
  const admin = await as("tenantAdmin");
  const post = async (who: Browser, path: string, fields: Fields, status: number, files?: Upload[]) =>
    expectStatus(await who.post(path, fields, files), status, `POST ${path}`);

  // Volunteer jobs: one published with applications and a conversation, one waiting for approval.
  const job = idFrom(await post(clubAdmin, "/opportunities/new", jobForm(P, club.id, category.id, users.associationAdmin.email), 303), 2);
  await post(staff, `/opportunities/${job}/decision`, { decision: "approve", note: "" }, 303);
  const pendingJob = idFrom(
    await post(
      clubAdmin,
      "/opportunities/new",
      { ...jobForm(P, club.id, category.id, users.associationAdmin.email), title: `${P} kasserer i bestyrelsen søges hurtigt` },
      303,
    ),
    2,
  );
  await post(
    citizen,
    `/opportunities/${job}/apply`,
    { name: `${P} ${PEOPLE.citizen}`, email: users.citizen.email, phone: "", message: `${P} ansøgning: jeg vil gerne hjælpe` },
    200,
  );
  await post(
    anonymous,
    `/opportunities/${job}/apply`,
    { name: `${P} Anonym Ansøger`, email: `anonym@${host}`, phone: "", message: `${P} anonym ansøgning` },
    200,
  );
  const applicationToken = await linkParam(db, tenant.id, `anonym@${host}`, "token");
  const application = (
    await db.selectFrom("applications").select("id").where("tenant_id", "=", tenant.id).where("email", "=", users.citizen.email).executeTakeFirstOrThrow()
  ).id;
  await post(clubAdmin, `/opportunities/${job}/applications/${application}/messages`, { body: `${P} besked: kom til et møde tirsdag` }, 303);
  const threadKey = await linkParam(db, tenant.id, users.citizen.email, "key");

  // The directory: one published offer, one waiting; a profile with a logo.
  const offer = idFrom(await post(clubAdmin, "/directory/offers/new", offerForm(P, club.id, category.id), 303), 3);
  await post(staff, `/directory/offers/${offer}/decision`, { decision: "approve", note: "" }, 303);
  const pendingOffer = idFrom(
    await post(clubAdmin, "/directory/offers/new", { ...offerForm(P, club.id, category.id), title: `${P} motionshold for seniorer` }, 303),
    3,
  );
  const png = await tinyPng();
  await post(clubAdmin, `/directory/associations/${club.id}/profile`, { description: `${P} klubbens beskrivelse`, website: "" }, 303, [
    { field: "logo", name: "logo.png", type: "image/png", content: png },
  ]);

  // Events: the centre's course, and an association's event that waits for staff.
  const eventId = async (title: string) =>
    (await db.selectFrom("events").select("id").where("tenant_id", "=", tenant.id).where("title", "=", title).executeTakeFirstOrThrow()).id;
  await post(staff, "/events/new", eventForm(P, "centre", category.id, `${P} kursus i bestyrelsesarbejde`), 303);
  const organisedEvent = await eventId(`${P} kursus i bestyrelsesarbejde`);
  await post(clubAdmin, "/events/new", eventForm(P, club.id, category.id, `${P} julehygge i klubben`), 303);
  const pendingEvent = await eventId(`${P} julehygge i klubben`);

  // Premises: a building with a bookable room, hours, a closure, a photo, and bookings.
  const building = idFrom(await post(admin, "/premises/manage/new", premiseForm(`${P} Skole`, "building", ""), 303), 2);
  const room = idFrom(await post(admin, "/premises/manage/new", premiseForm(`${P} Skole, gymnastiksal`, "hall", building), 303), 2);
  const hours = Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7].flatMap((d) => [
      [`opens${d}`, "08:00"],
      [`closes${d}`, "22:00"],
    ]),
  );
  await post(admin, `/premises/${room}/hours`, hours, 303);
  await post(admin, `/premises/${room}/closures`, { from: "2026-12-21", to: "2027-01-03", reason: `${P} juleferie` }, 303);
  const closure = (await db.selectFrom("premise_closures").select("id").where("premise_id", "=", room).executeTakeFirstOrThrow()).id;
  await post(admin, `/premises/${room}/photos`, { alt: `${P} salen set fra døren` }, 303, [
    { field: "photo", name: "sal.png", type: "image/png", content: png },
  ]);
  const photo = (await db.selectFrom("premise_photos").select("id").where("premise_id", "=", room).executeTakeFirstOrThrow()).id;
  const booking = idFrom(await post(clubAdmin, `/premises/${room}/book`, bookingForm(P, club.id, "2026-12-01", "Badmintontræning"), 303), 3);
  await post(caseworker, "/premises/requests", { ids: [booking], decision: "approve", note: "" }, 303);
  const pendingBooking = idFrom(await post(clubAdmin, `/premises/${room}/book`, bookingForm(P, club.id, "2026-12-02", "Generalforsamling"), 303), 3);

  // A seasonal round with an application.
  const round = idFrom(await post(caseworker, "/premises/rounds", { name: `${P} sæson 2027/28`, from: "2027-08-01", to: "2027-12-20" }, 303), 3);
  await post(clubAdmin, `/premises/rounds/${round}/apply`, wishForm(P, club.id, room), 303);
  const roundApplication = (await db.selectFrom("allocation_applications").select("id").where("round_id", "=", round).executeTakeFirstOrThrow()).id;

  // An event with a sensitive question: the citizen registered; a visitor without an account waiting for their link.
  const published = await buildEvent(db, tenant, {
    now: env.clock.now(),
    categoryId: category.id,
    title: `${P} temamøde om frivillighed`,
    questions: [{ id: "food", label: `${P} Kost`, sensitive: true }],
  });
  const event = published.id;
  await post(citizen, `/events/${event}/register`, { name: `${P} ${PEOPLE.citizen}`, email: users.citizen.email, phone: "", answer_food: `${P} vegetar` }, 303);
  const eventKey = await linkParam(db, tenant.id, users.citizen.email, "key");
  await post(anonymous, `/events/${event}/register`, { name: `${P} Anonym Deltager`, email: `deltager@${host}`, phone: "" }, 200);
  const eventToken = await linkParam(db, tenant.id, `deltager@${host}`, "token");

  // The volunteer fair: the club applies and gets stand 1; a visitor leaves their interest; staff note an agreement.
  const fair = (await buildEvent(db, tenant, { now: env.clock.now(), kind: "fair", categoryId: category.id, title: `${P} frivilligbørs` })).id;
  await post(clubAdmin, `/events/${fair}/stand`, { size: "small", shows: `${P} quiz om foreningen` }, 303);
  const standRow = await db.selectFrom("fair_stands").select(["id", "code"]).where("event_id", "=", fair).executeTakeFirstOrThrow();
  await post(staff, `/events/${fair}/stands`, { [`number_${standRow.id}`]: "1" }, 303);
  await post(anonymous, `/fair/${standRow.code}`, { email: `gaest@${host}`, consent: "on" }, 303);
  await post(staff, `/events/${fair}/agreements`, { associations: club.id, others: "", agreed: `${P} aftale om frugt`, followUpOn: "" }, 303);
  // A network (networks): the member role joined it, an invitee has not; a meeting with her agenda point.
  const memberBrowser = await as("member");
  const network = idFrom(await post(staff, "/networks", { name: `${P} netværk for koordinatorer`, description: `${P} koordinatorerne mødes` }, 303), 2);
  await post(
    staff,
    `/networks/${network}/members`,
    { name: `${P} ${PEOPLE.member}`, email: users.member.email, organisation: `${P} centret`, role: "member" },
    303,
  );
  await post(memberBrowser, "/networks/join", { token: await linkParam(db, tenant.id, users.member.email, "token") }, 303);
  await post(staff, `/networks/${network}/members`, { name: `${P} Inviteret`, email: `netvaerk@${host}`, organisation: "", role: "member" }, 303);
  const networkToken = await linkParam(db, tenant.id, `netvaerk@${host}`, "token");
  const networkMembers = await db.selectFrom("network_members").select(["id", "email"]).where("tenant_id", "=", tenant.id).execute();
  const networkInvitee = networkMembers.find((m) => m.email === `netvaerk@${host}`)?.id ?? "";
  const joinedMember = networkMembers.find((m) => m.email === users.member.email)?.id ?? "";
  const networkMeeting = idFrom(
    await post(staff, `/networks/${network}/meetings/new`, { ...eventForm(P, "centre", category.id, `${P} netværksmøde`), kind: "network_meeting" }, 303),
    4,
  );
  await post(memberBrowser, `/networks/${network}/meetings/${networkMeeting}/agenda`, { title: `${P} dagsordenspunkt`, text: "" }, 303);
  const agendaPoint = (await db.selectFrom("network_agenda_points").select("id").where("tenant_id", "=", tenant.id).executeTakeFirstOrThrow()).id;
  await post(staff, `/networks/${network}/meetings/${networkMeeting}/files`, {}, 303, [{ field: "file", name: "plan.png", type: "image/png", content: png }]);
  const networkFile = (await db.selectFrom("network_files").select("id").where("tenant_id", "=", tenant.id).executeTakeFirstOrThrow()).id;
  // The key in her feed's address, as her network page shows it.
  const networkFeedKey = signedKey(env.config.secret, `network-feed:${tenant.id}:${network}`, joinedMember);

  // The rest: a saved search, an API token, a calendar link, a matching profile and consent.
  await post(citizen, "/search/saved", { query: "q=lektiehj%C3%A6lp", frequency: "weekly" }, 303);
  const savedSearch = (await db.selectFrom("saved_searches").select("id").where("tenant_id", "=", tenant.id).executeTakeFirstOrThrow()).id;
  const created = await post(admin, "/admin/api-tokens", { name: `${P} integration`, scopes: ["associations:read", "associations:write"] }, 201);
  const apiSecret = created.body.match(/smn_[\w-]+/)?.[0] ?? "";
  const apiToken = (await db.selectFrom("api_tokens").select("id").where("tenant_id", "=", tenant.id).executeTakeFirstOrThrow()).id;
  const calendar = await post(clubAdmin, "/premises/calendars", { associationId: club.id }, 200);
  const calendarFile = calendar.body.match(/\/premises\/calendars\/([\w-]+\.ics)/)?.[1] ?? "";
  await post(citizen, "/matching/profile", matchingForm(), 303);
  await post(staff, "/matching/staff", { email: users.citizen.email, consent: "on", note: `${P} samtykke givet mundtligt` }, 303);
  const consentToken = await linkParam(db, tenant.id, users.citizen.email, "token");
  const consent = (await db.selectFrom("matching_consents").select("id").where("tenant_id", "=", tenant.id).executeTakeFirstOrThrow()).id;

  // Links from e-mails: an invitation, a sign-up to verify, a magic link, a password reset.
  await post(admin, "/people/invite", { email: `ny@${host}`, role: "staff" }, 303);
  await post(anonymous, "/sign-up", { name: `${P} Ny Borger`, email: `ny-borger@${host}`, password: PASSWORD }, 200);
  await post(anonymous, "/sign-in/link/request", { email: users.citizen.email }, 200);
  // A reset ends the person's sessions, so its token belongs to someone who plays no role here.
  const forgetful = await createPerson(db, tenant, { email: `glemsom@${host}`, name: `${P} Glemsom Person` });
  await post(anonymous, "/password/forgot", { email: forgetful.email }, 200);
  // A request for what is held under the address of the person who applied without an account.
  await post(anonymous, "/privacy/email", { email: `anonym@${host}` }, 200);
  const tokens = {
    invite: await linkParam(db, tenant.id, `ny@${host}`, "token"),
    verify: await linkParam(db, tenant.id, `ny-borger@${host}`, "token"),
    magic: await linkParam(db, tenant.id, users.citizen.email, "token"),
    reset: await linkParam(db, tenant.id, forgetful.email, "token"),
    application: applicationToken,
    event: eventToken,
    consent: consentToken,
    dataRequest: await linkParam(db, tenant.id, `anonym@${host}`, "token"),
    network: networkToken,
  };
  const mail = (await mailTo(db, tenant.id, users.citizen.email)).id;
  const grants = await buildScheme(db, tenant, { scheme: { title: `${P} tilskudspulje` } });
  const grantApplication = await buildGrantApplication(db, tenant, grants, club.id, { title: `${P} sommerlejr for naboer` });
  // Cooperation and support, through each module's own forms.
  const member = await as("member");
  const coop = await buildCooperation(db, env, { P, host, tenantId: tenant.id, users, club: club.id, job, png }, post, {
    anonymous,
    citizen,
    member,
    clubAdmin,
    staff,
    caseworker,
    admin,
  });
  const bridge = key === "alfa" ? await buildBridge(db, env, tenant, { P, users, club: club.id, offer }) : null;
  const hsds = async (list: string) => {
    const res = expectStatus(await send({ method: "GET", path: `/api/v1/hsds/${list}`, host }), 200, `GET /api/v1/hsds/${list}`);
    return (JSON.parse(res.body) as { contents: { id: string }[] }).contents[0]?.id ?? "";
  };

  const world = {
    key,
    id: tenant.id,
    host,
    sessions,
    users,
    club: club.id,
    clubName: club.name,
    otherAssociation: other.id,
    categoryId: category.id,
    categoryCode: category.code,
    job,
    pendingJob,
    application,
    threadKey,
    offer,
    pendingOffer,
    organisedEvent,
    pendingEvent,
    building,
    room,
    photo,
    closure,
    booking,
    pendingBooking,
    round,
    roundApplication,
    event,
    eventSession: published.sessions[0]?.id ?? "",
    eventKey,
    fair,
    stand: standRow.id,
    standCode: standRow.code,
    savedSearch,
    apiToken,
    apiSecret,
    calendarFile,
    mail,
    oidcSlug: `${key}-kommune`,
    consent,
    hsdsServiceAtLocation: await hsds("service_at_locations"),
    hsdsTaxonomy: await hsds("taxonomies"),
    hsdsTaxonomyTerm: await hsds("taxonomy_terms?search=lekt"),
    tokens,
    network,
    networkMeeting,
    agendaPoint,
    networkInvitee,
    networkFeedKey,
    networkFile,
    grantScheme: grants.scheme.id,
    grantRound: grants.round.id,
    grantApplication: grantApplication.id,
    ...coop.ids,
    sight: coop.sight,
    ...(bridge ? { bridgeCase: bridge.caseId, bridgePick: bridge.pickId, bridgeReferral: bridge.referralId, bridgeFollowUp: bridge.followUpId } : {}),
    ...(bridge ? { bridgeWords: bridge.words } : {}),
    names: [
      `Test ${key}`,
      club.name,
      other.name,
      ...Object.values(PEOPLE).map((n) => `${P} ${n}`),
      `${P} Anonym Ansøger`,
      `${P} Glemsom Person`,
      `${P}: lektiehjælper`,
      `${P} kasserer`,
      `${P} lektiecafé`,
      `${P} motionshold`,
      `${P} kursus i bestyrelsesarbejde`,
      `${P} julehygge i klubben`,
      `${P} Skole`,
      `${P} juleferie`,
      `${P} sæson`,
      `${P} Badmintontræning`,
      `${P} Generalforsamling`,
      `${P} integration`,
      `${P} ansøgning`,
      `${P} besked`,
      `${P} klubbens beskrivelse`,
      `${P} samtykke`,
      `${P} Kommunelogin`,
      `${P} temamøde`,
      `${P} Anonym Deltager`,
      `${P} vegetar`,
      `${P} netværk for koordinatorer`,
      `${P} netværksmøde`,
      `${P} dagsordenspunkt`,
      `${P} tilskudspulje`,
      `${P} sommerlejr for naboer`,
      ...coop.names,
      ...coop.sight.map((s) => s.text),
      ...(bridge ? [bridge.words.firstName, ...bridge.words.secret] : []),
    ],
    ids: [] as string[],
  } satisfies TenantWorld;
  world.ids = [
    tenant.id,
    ...Object.values(users).map((u) => u.id),
    ...[club.id, other.id, category.id, job, pendingJob, application, offer, pendingOffer, organisedEvent, pendingEvent, building, room, photo, closure],
    ...[booking, pendingBooking, round, roundApplication, event, world.eventSession, savedSearch, apiToken, world.mail, consent],
    ...[fair, standRow.id],
    ...[network, networkMeeting, agendaPoint, networkInvitee, networkFile],
    ...[grants.scheme.id, grants.round.id, grantApplication.id],
    ...Object.entries(coop.ids)
      .filter(([k]) => !k.endsWith("Key") && k !== "guideSlug")
      .map(([, v]) => v),
    ...(bridge ? [bridge.caseId, bridge.pickId, bridge.referralId, bridge.followUpId] : []),
  ];
  for (const [what, value] of Object.entries(world)) if (value === "") throw new Error(`Building the fixture: no ${what} for ${key}`);
  return world;
}

type Post = (who: Browser, path: string, fields: Fields, status: number, files?: Upload[]) => Promise<Received>;

/**
 * Cooperation and support in one tenant, each record made through its module's own form by the role that makes it.
 * Returns the ids, the names no page of the other tenant may show, and the texts only some roles of this tenant may see.
 */
async function buildCooperation(
  db: Database,
  env: { drainJobs: () => Promise<void> },
  w: { P: string; host: string; tenantId: string; users: TenantWorld["users"]; club: string; job: string; png: Uint8Array },
  post: Post,
  as: Record<"anonymous" | "citizen" | "member" | "clubAdmin" | "staff" | "caseworker" | "admin", Browser>,
) {
  const { P, host, tenantId, users, club } = w;
  const first = async (table: "agreement_documents" | "contact_topics" | "contact_enquiries" | "member_groups" | "expert_profiles" | "expert_matches") =>
    (await db.selectFrom(table).select("id").where("tenant_id", "=", tenantId).executeTakeFirstOrThrow()).id;
  const mailText = async (to: string) => (await mailTo(db, tenantId, to)).text;
  const pathKey = async (to: string, prefix: string) => {
    const match = (await mailText(to)).match(new RegExp(`${prefix}([A-Za-z0-9_-]{20,100})`));
    if (!match?.[1]) throw new Error(`Building the fixture: no ${prefix} link in the mail to ${to}`);
    return match[1];
  };
  const marks = {
    agreementNote: `${P} aftalenote: kun for kommunen og klubben`,
    agreementContact: `${P} Aftale Kontaktperson`,
    enquiryNote: `${P} intern note om henvendelsen`,
    guideDraft: `${P} kladde til vejledning`,
    memberGroup: `${P} medlemsgruppe for idræt`,
    newsletterDraft: `${P} kladde til nyhedsbrev`,
    expertRequest: `${P} hjælp til regnskabet søges`,
    counsellingAgreed: `${P} aftalt i rådgivningen`,
    counsellingNote: `${P} intern rådgivningsnote`,
    volunteer: `${P} Frivillig Børneven`,
    certificateNote: `${P} note om børneattesten`,
  };

  // A level of the tenant's own, and an agreement at it between the municipality and the club: agreed and public,
  // its notes and contact person not.
  const levelName = `${P} niveau for fællesskab`;
  await post(as.caseworker, "/agreements/manage/levels", { name_da: levelName, description_da: `${P} vi deler et fællesskab` }, 303);
  const agreementLevel = (
    await db
      .selectFrom("agreement_levels")
      .select("id")
      .where("tenant_id", "=", tenantId)
      .where("id", "not in", ["information", "dialogue", "cooperation", "partnership"])
      .executeTakeFirstOrThrow()
  ).id;
  const agreement = idFrom(
    await post(
      as.caseworker,
      "/agreements/new",
      {
        title: `${P} samarbejdsaftale om idræt`,
        purpose: `${P} formålet med aftalen`,
        level: agreementLevel,
        status: "agreed",
        municipalUnit: "Kultur og Fritid",
        municipalityGives: `${P} lokaler om tirsdagen`,
        party: [club],
        partyGives: [`${P} trænere til børneholdet`],
        startsOn: "2026-01-01",
        endsOn: "2027-12-31",
        isPublic: "on",
        contactName: marks.agreementContact,
        contactEmail: `aftale@${host}`,
        contactPhone: "",
        notes: marks.agreementNote,
        link: [],
      },
      303,
    ),
    2,
  );
  await post(as.caseworker, `/agreements/${agreement}/documents`, {}, 303, [{ field: "file", name: "aftale.png", type: "image/png", content: w.png }]);
  const agreementDocument = await first("agreement_documents");

  // Contact: a topic the staff role answers, the citizen's enquiry under it, and an internal note on it.
  const topicName = `${P} emne om foreningsstart`;
  await post(
    as.admin,
    "/contact/topics/new",
    { name_da: topicName, unitName: `${P} Frivilligenheden`, staffUserId: users.staff.id, inboxEmail: "", position: "1", active: "on" },
    303,
  );
  const contactTopic = await first("contact_topics");
  await post(
    as.citizen,
    "/contact",
    { name: `${P} ${PEOPLE.citizen}`, email: users.citizen.email, phone: "", topicId: contactTopic, message: `${P} spørgsmål om at starte en forening` },
    303,
  );
  const enquiryKey = await pathKey(users.citizen.email, "/contact/enquiries/follow/");
  const enquiry = await first("contact_enquiries");
  await post(as.staff, `/contact/enquiries/${enquiry}/note`, { note: marks.enquiryNote }, 303);

  // Guides: one published, one draft.
  const guideTitle = `${P} vejledning om generalforsamling`;
  const guideForm = (title: string, status: string) => ({ title, summary: `${P} kort om emnet`, body: "## Trin\n\n- Et\n- To", category: "board", status });
  await post(as.staff, "/guides/new", guideForm(guideTitle, "published"), 303);
  await post(as.staff, "/guides/new", guideForm(marks.guideDraft, "draft"), 303);
  const guideRow = await db
    .selectFrom("guides")
    .select(["id", "slug"])
    .where("tenant_id", "=", tenantId)
    .where("status", "=", "published")
    .executeTakeFirstOrThrow();

  // The centre's members: a group, and the club as a member in it.
  await post(as.staff, "/members/groups", { name: marks.memberGroup }, 303);
  const memberGroup = await first("member_groups");
  const member = idFrom(
    await post(as.staff, "/members", { associationId: club, membershipType: "full", joinedOn: "2026-01-01", groups: [memberGroup] }, 303),
    2,
  );

  // An expert (the citizen), the club board's request, the match proposed by staff and accepted by the expert.
  await post(as.citizen, "/experts/join", { skills: ["finance"], experience: `${P} revisor i tyve år`, hoursPerMonth: "4", phone: "" }, 303);
  const expert = await first("expert_profiles");
  const expertRequest = idFrom(
    await post(as.clubAdmin, "/experts/ask", { association: club, skill: "finance", description: marks.expertRequest, neededBy: "" }, 303),
    3,
  );
  await post(as.staff, `/experts/requests/${expertRequest}/propose`, { expert }, 303);
  const expertMatch = await first("expert_matches");
  await post(as.citizen, `/experts/matches/${expertMatch}/answer`, { answer: "accept" }, 303);

  // Counselling for the club, with a conversation: what was agreed (the board sees it) and an internal note (it does not).
  const counsellingCase = idFrom(
    await post(
      as.staff,
      "/counselling/new",
      { kind: "association", associationId: club, topic: "board", about: `${P} hjælp til vedtægterne`, staffId: "" },
      303,
    ),
    2,
  );
  await post(
    as.staff,
    `/counselling/${counsellingCase}/entries`,
    {
      heldOn: "2026-11-20",
      minutes: "45",
      agreed: marks.counsellingAgreed,
      internalNote: marks.counsellingNote,
      nextStep: "",
      nextStepOn: "",
      responsibleId: "",
    },
    303,
  );

  // A child-protection certificate record for a volunteer of the club, kept by its board.
  const certificate = idFrom(
    await post(
      as.clubAdmin,
      "/certificates/new",
      { association: club, name: marks.volunteer, email: `boerneven@${host}`, opportunity: w.job, requestedOn: "2026-11-02", note: marks.certificateNote },
      303,
    ),
    2,
  );

  // Newsletters: a confirmed subscriber, one newsletter sent to the subscribers (its mails written), one draft.
  const subscriber = `abonnent@${host}`;
  await post(as.anonymous, "/newsletters/subscribe", { email: subscriber }, 200);
  const subscribeKey = await linkParam(db, tenantId, subscriber, "token");
  await post(as.anonymous, "/newsletters/subscribe/confirm", { token: subscribeKey }, 200);
  const newsletter = idFrom(
    await post(as.staff, "/newsletters", { subject: `${P} nyhedsbrev for november`, body: `${P} nyt fra centret`, segment: "subscribers" }, 303),
    2,
  );
  await post(as.staff, `/newsletters/${newsletter}/send`, {}, 303);
  await env.drainJobs();
  const unsubscribeKey = await pathKey(subscriber, "/newsletters/unsubscribe/");
  const newsletterDraft = idFrom(await post(as.staff, "/newsletters", { subject: marks.newsletterDraft, body: "", segment: "subscribers" }, 303), 2);

  const STAFF: readonly Role[] = ["staff", "tenantAdmin"];
  return {
    ids: {
      agreement,
      agreementDocument,
      agreementLevel,
      contactTopic,
      enquiry,
      enquiryKey,
      guide: guideRow.id,
      guideSlug: guideRow.slug,
      memberGroup,
      member,
      newsletter,
      newsletterDraft,
      subscribeKey,
      unsubscribeKey,
      expert,
      expertRequest,
      expertMatch,
      counsellingCase,
      certificate,
    },
    names: [
      levelName,
      `${P} vi deler et fællesskab`,
      `${P} samarbejdsaftale`,
      `${P} formålet med aftalen`,
      `${P} trænere til børneholdet`,
      topicName,
      `${P} Frivilligenheden`,
      `${P} spørgsmål om at starte`,
      guideTitle,
      `${P} kort om emnet`,
      `${P} nyhedsbrev for november`,
      `${P} nyt fra centret`,
      subscriber,
      `${P} revisor i tyve år`,
      `${P} hjælp til vedtægterne`,
    ],
    sight: [
      { text: marks.agreementNote, seenBy: ["caseworker", "tenantAdmin", "associationAdmin"] },
      { text: marks.agreementContact, seenBy: ["caseworker", "tenantAdmin", "associationAdmin"] },
      { text: marks.enquiryNote, seenBy: STAFF },
      { text: marks.guideDraft, seenBy: ["staff", "caseworker", "tenantAdmin"] },
      { text: marks.memberGroup, seenBy: STAFF },
      { text: marks.newsletterDraft, seenBy: STAFF },
      { text: marks.expertRequest, seenBy: [...STAFF, "associationAdmin", "citizen"] },
      { text: marks.counsellingAgreed, seenBy: [...STAFF, "associationAdmin"] },
      { text: marks.counsellingNote, seenBy: STAFF },
      { text: marks.volunteer, seenBy: ["associationAdmin"] },
      { text: marks.certificateNote, seenBy: ["associationAdmin"] },
      { text: `boerneven@${host}`, seenBy: ["associationAdmin"] },
    ] satisfies TenantWorld["sight"],
  };
}

/**
 * The first tenant's bridge-building, written through the module's repository: the companion in the pool, and a
 * case held by the bridge-builder with consent and intake, a chosen pick of the club's offer, the referral to the
 * club (accepted, a first meeting planned, not yet met), the companion assigned, and the first follow-up due.
 */
async function buildBridge(
  db: Database,
  env: { config: Config },
  tenant: TenantFixture,
  w: { P: string; users: TenantWorld["users"]; club: string; offer: string },
) {
  const ring = dataKeyring(env.config);
  const { P, users } = w;
  const at = "2026-11-01T10:00:00.000Z";
  const words = {
    firstName: `${P} Ingeborg`,
    secret: [`${P} hemmelig grund: ensom efter skilsmisse`, `${P} hemmelig note om medicin`, `${P} hemmelig styrke: strikker`, `${P} hemmeligt ønske: kor`],
  };
  const [reason, notes, resources, wishes] = words.secret as [string, string, string, string];
  await insertCompanion(db, tenant.id, {
    userId: users.companion.id,
    postcode: "8000",
    languages: ["da"],
    slots: ["tue-morning"],
    trainedOn: "2026-10-01",
    active: true,
    createdAt: at,
  });
  const bridgeCase = await buildBridgeCase(db, ring, tenant, {
    firstName: words.firstName,
    contact: `ingeborg@${P.toLowerCase()}.test`,
    reason,
    notes,
    resources,
    wishes,
    status: "handed_over",
    builderId: users.bridgeBuilder.id,
    referredBy: users.referrer.id,
    consent: {
      at,
      by: users.bridgeBuilder.id,
      purposes: ["bridge_building", "share_with_association", "companion", "follow_up"],
      how: "in_person",
      copy: "print",
    },
    shareFields: ["first_name", "needs"],
    companionId: users.companion.id,
    companionSince: at,
    intakeAt: at,
    createdAt: at,
    updatedAt: at,
  });
  const pickId = newId();
  await insertPick(db, tenant.id, {
    id: pickId,
    caseId: bridgeCase.id,
    kind: "offer",
    targetId: w.offer,
    associationId: w.club,
    title: `${P} lektiecafé hver tirsdag`,
    category: "learning",
    pickedBy: "builder",
    chosen: true,
    createdAt: at,
  });
  const referralId = newId();
  await insertReferral(db, ring, tenant.id, {
    id: referralId,
    caseId: bridgeCase.id,
    pickId,
    associationId: w.club,
    status: "accepted",
    shared: { firstName: words.firstName, needs: bridgeCase.needs },
    sentBy: users.bridgeBuilder.id,
    sentAt: at,
    answeredBy: users.associationAdmin.id,
    answeredAt: at,
    declineReason: null,
    firstMeetingAt: "2026-12-03T17:00",
    meetingPlace: "Ved indgangen til biblioteket",
    metAt: null,
    welcomeItems: ["Vis rundt", "Præsenter for holdet"],
    welcomeDone: [],
  });
  const followUpId = newId();
  await insertFollowUp(db, ring, tenant.id, {
    id: followUpId,
    caseId: bridgeCase.id,
    months: 1,
    dueOn: "2026-11-20",
    doneAt: null,
    outcome: null,
    why: "",
    personWords: "",
    recordedBy: null,
    remindedAt: null,
  });
  return { caseId: bridgeCase.id, pickId, referralId, followUpId, words };
}

/** An event as its form sends it: two evenings in December (after the probe's clock), six session rows and five question rows. */
export const eventForm = (P: string, organiser: string, categoryId: string, title: string): Fields => ({
  organiser,
  kind: "course",
  title,
  description: `${P} to aftener om at lede en forening og finde nye frivillige.`,
  categoryId,
  targetGroups: [],
  languages: ["da"],
  accessibility: [],
  place: "address",
  premiseId: "",
  placeName: `${P} Frivilligcentret`,
  address: "Torvet 1",
  postcode: "8000",
  onlineUrl: "",
  price: "free",
  amount: "",
  capacity: "12",
  maxPerRegistration: "2",
  opensDate: "",
  opensTime: "",
  closesDate: "",
  closesTime: "",
  contactEmail: "kurser@frivilligcentret.test",
  sessionId: ["", "", "", "", "", ""],
  sessionDate: ["2026-12-01", "2026-12-08", "", "", "", ""],
  sessionStart: ["18:00", "18:00", "", "", "", ""],
  sessionEnd: ["20:00", "20:00", "", "", "", ""],
  questionId: ["", "", "", "", ""],
  questionLabel: [`${P} allergier?`, "", "", "", ""],
  questionSensitive: ["1"],
});

export const jobForm = (P: string, associationId: string, categoryId: string, contactEmail: string): Fields => ({
  associationId,
  title: `${P}: lektiehjælper for børn i 4.-6. klasse`,
  categoryId,
  tasks:
    "Du hjælper børn i 4.-6. klasse med lektierne to timer hver tirsdag på biblioteket. Du forklarer, lytter og hjælper dem i gang. Vi er altid mindst tre frivillige sammen.",
  benefits: "Et godt fællesskab, kaffe og et kursus i lektiehjælp hvert efterår.",
  commitment: "weekly",
  hoursPerWeek: "2",
  oneOffDate: "",
  place: "Biblioteket",
  postcode: "8000",
  startDate: "2027-01-05",
  minAge: "18",
  languages: ["da", "en"],
  suits: ["young", "seniors"],
  slots: ["tue-afternoon"],
  setting: "group",
  contactName: "Kontakt Person",
  contactEmail,
  expiresOn: "2027-06-30",
  intent: "submit",
});

export const offerForm = (P: string, associationId: string, categoryId: string): Fields => ({
  associationId,
  kind: "activity",
  title: `${P} lektiecafé hver tirsdag`,
  description: "Vi mødes på biblioteket og laver lektier sammen; alle er velkomne, og det er gratis.",
  categoryId,
  targetGroups: ["children"],
  placeName: "Biblioteket",
  address: "Torvet 3",
  postcode: "8000",
  timeText: "Tirsdag kl. 15-17",
  slots: ["tue-afternoon"],
  accessibility: ["step_free"],
  languages: ["da"],
  price: "free",
  priceText: "",
  contactEmail: "kontakt@forening.test",
  contactPhone: "",
  linkUrl: "",
});

export const premiseForm = (name: string, kind: string, parentId: string): Fields => ({
  name,
  kind,
  parentId,
  description: "",
  address: kind === "building" ? "Skolevej 1" : "",
  postcode: kind === "building" ? "8000" : "",
  capacity: "60",
  sizeM2: "300",
  facilities: "ribber",
  accessibility: ["step_free"],
  houseRules: "Indendørssko",
  accessDetails: "Dørkode 2468",
  ...(kind === "building" ? {} : { bookable: "on" }),
  whoMayBook: "associations",
  approval: "manual",
  pricePerHour: "0",
  minMinutes: "30",
  maxMinutes: "480",
  maxDaysAhead: "365",
  bufferMinutes: "0",
  cancelHours: "24",
});

export const bookingForm = (P: string, associationId: string, date: string, purpose: string): Fields => ({
  associationId,
  purpose: `${P} ${purpose}`,
  participants: "20",
  date,
  start: "18:00",
  end: "20:00",
  repeat: "none",
  until: "",
});

export const wishForm = (P: string, associationId: string, premiseId: string): Fields => ({
  associationId,
  purpose: `${P} Badmintontræning for børn`,
  participants: "20",
  priority: "1",
  minutes: "120",
  firstPremiseId: premiseId,
  firstWeekday: "2",
  firstStart: "18:00",
  secondPremiseId: "",
  secondWeekday: "",
  secondStart: "",
  windowFrom: "",
  windowTo: "",
});

export const matchingForm = (): Fields => ({
  interests: ["learning"],
  skills: "lytte",
  slots: ["tue-afternoon"],
  postcode: "8000",
  maxKm: "10",
  languages: ["da"],
  needs: [],
  setting: "group",
  rhythm: "regular",
});

// The demo's network: "Koordinatorer af brobygning", coordinators from Sønderby and from four other centres,
// with its four meetings (one at the library, three online), points on the coming meetings' agendas and
// minutes of the one just held. The demo staff user organises it and the demo association member is in it,
// so both find it the moment they sign in.
import type { Database } from "../src/db/database.js";
import type { CommunityEvent } from "../src/modules/events/events.model.js";
import type { NetworkMember } from "../src/modules/events/network.model.js";
import { insertAgendaPoint, insertMember, insertNetwork, saveMinutes } from "../src/modules/events/network.repository.js";
import { newId } from "../src/platform/ids.js";

const DAY = 24 * 3600_000;

export const DEMO_NETWORK = {
  name: "Koordinatorer af brobygning",
  description:
    "Koordinatorerne af brobygning i frivilligcentrene i landsdelen: vi hjælper borgere i udsatte positioner ind i et fællesskab og lærer af hinanden.\n\nNetværket mødes fire gange om året – én gang fysisk og ellers online. Alle medlemmer kan sætte punkter på dagsordenen, og referaterne ligger her bagefter.",
};

/** The meetings of the season that belong to the network, by their key in the season. */
export const NETWORK_MEETINGS = ["bridgeSpring", "bridgeOnline", "coordinators", "coordinatorsYear"];

/** Coordinators from the other centres: their home is another centre, and they joined from the invitation. */
const GUESTS = [
  { name: "Hanne Holm", email: "hanne@frivilligcenter-aaby.example", organisation: "Frivilligcenter Åby" },
  { name: "Omar Said", email: "omar@frivillighuset-vestkyst.example", organisation: "Frivillighuset Vestkyst" },
  { name: "Lone Kjær", email: "lone@frivilligcenter-norddal.example", organisation: "Frivilligcenter Norddal" },
  { name: "Torben Lauritsen", email: "torben@frivilligcenter-holmsted.example", organisation: "Frivilligcenter Holmsted" },
  { name: "Yasmin Ali", email: "yasmin@frivilligcenter-holmsted.example", organisation: "Frivilligcenter Holmsted" },
];

type Person = { id: string; name: string; email: string };

/** The network and its members; returns its id, for its meetings to name. */
export async function seedNetwork(db: Database, input: { tenantId: string; now: Date; staff: Person; member: Person; tenantName: string }): Promise<string> {
  const { tenantId, now } = input;
  const created = new Date(now.getTime() - 120 * DAY).toISOString();
  const id = newId();
  await insertNetwork(
    db,
    { id, tenantId, name: DEMO_NETWORK.name, description: DEMO_NETWORK.description, createdAt: created, updatedAt: created },
    input.staff.id,
  );
  const member = (
    p: { name: string; email: string; organisation: string },
    role: NetworkMember["role"],
    userId: string | null,
    daysAgo: number,
  ): NetworkMember => ({
    id: newId(),
    tenantId,
    networkId: id,
    email: p.email,
    name: p.name,
    organisation: p.organisation,
    userId,
    role,
    invitedBy: input.staff.id,
    invitedAt: new Date(now.getTime() - daysAgo * DAY).toISOString(),
    joinedAt: new Date(now.getTime() - (daysAgo - 1) * DAY).toISOString(),
    leftAt: null,
  });
  await insertMember(db, member({ ...input.staff, organisation: input.tenantName }, "organiser", input.staff.id, 120));
  await insertMember(db, member({ ...input.member, organisation: "Sønderby Besøgsvenner" }, "member", input.member.id, 60));
  for (const [i, guest] of GUESTS.entries()) {
    // The last one has not answered the invitation yet: she shows as invited.
    const m = member(guest, i === 0 ? "organiser" : "member", null, 110 - i * 10);
    await insertMember(db, i === GUESTS.length - 1 ? { ...m, joinedAt: null } : m);
  }
  return id;
}

/** What the members wrote: points on the coming meetings' agendas, and the minutes of the one held. */
export async function seedNetworkMeetings(
  db: Database,
  input: { tenantId: string; now: Date; staff: Person; member: Person; meetings: Map<string, CommunityEvent> },
) {
  const { tenantId, now } = input;
  const at = (e: CommunityEvent, daysBefore: number) => new Date(Math.min(now.getTime(), new Date(e.startsAt).getTime()) - daysBefore * DAY).toISOString();
  const points: [string, string | null, string, string][] = [
    [
      "bridgeOnline",
      "Hanne Holm",
      "Opfølgning efter tre måneder",
      "Hvordan spørger vi borgeren, om det går godt, uden at det føles som kontrol? Vi har prøvet en kort telefonsamtale i Åby.",
    ],
    [
      "bridgeOnline",
      input.member.name,
      "Besøgsvennernes erfaringer",
      "Fra foreningens side: hvad gør det lettere for os at tage imod en ny, som centret har bygget bro for?",
    ],
    ["bridgeOnline", "Omar Said", "Samtykke og journalnoter", "Hvad skriver vi ned, og hvor længe gemmer vi det?"],
    ["bridgeSpring", "Lone Kjær", "Følgevenner: rekruttering og oplæring", "Norddal har startet et hold af følgevenner. Vi fortæller, hvordan vi fandt dem."],
    ["bridgeSpring", input.staff.name, "Frokost og rundvisning på biblioteket", ""],
    ["coordinators", "Torben Lauritsen", "Unge frivillige", "Hvordan når vi de 18–25-årige?"],
    ["coordinators", input.staff.name, "Samarbejdet med jobcentret", "Status fra hvert center."],
  ];
  let position = 0;
  for (const [key, name, title, text] of points) {
    const e = input.meetings.get(key);
    if (!e) continue;
    await insertAgendaPoint(db, tenantId, {
      id: newId(),
      eventId: e.id,
      memberId: null,
      authorName: name,
      title,
      text,
      position: ++position,
      createdAt: at(e, 5),
    });
  }
  const held = input.meetings.get("coordinators");
  if (held && held.startsAt < now.toISOString()) {
    const written = new Date(new Date(held.endsAt).getTime() + DAY).toISOString();
    await saveMinutes(
      db,
      tenantId,
      {
        eventId: held.id,
        text: [
          "Til stede: koordinatorer fra Sønderby, Åby, Vestkysten, Norddal og Holmsted.",
          "1. Unge frivillige. Holmsted har gode erfaringer med korte opgaver, der kan klares på en eftermiddag, og med at spørge via uddannelsesstederne. Vestkysten prøver det samme i foråret.",
          "2. Samarbejdet med jobcentret. Tre centre har en fast kontaktperson; de to andre spørger deres kommune inden næste møde.",
          "Næste møde: årshjul og fælles kampagner. Sæt gerne punkter på dagsordenen.",
        ].join("\n\n"),
        updatedAt: written,
        publishedAt: written,
      },
      input.staff.id,
    );
  }
}

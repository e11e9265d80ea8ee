// Contact in the demo municipality: three topics (premises to the caseworker, volunteering to the centre's
// staff, anything else to the citizens' service inbox) and a few enquiries — one late, one answered.

import type { Database } from "../src/db/database.js";
import type { Enquiry } from "../src/modules/contact/contact.model.js";
import { insertEnquiry, insertTopic, setAnswer } from "../src/modules/contact/contact.repository.js";
import { answerDeadline } from "../src/modules/contact/deadline.js";
import { mintSecret } from "../src/platform/crypto/secret-hash.js";
import { newId } from "../src/platform/ids.js";

const DAY = 86_400_000;

export interface ContactDemoInput {
  tenantId: string;
  zone: string;
  now: Date;
  people: { staff: string; caseworker: string };
}

export async function seedContact(db: Database, input: ContactDemoInput): Promise<void> {
  const at = (daysAgo: number) => new Date(input.now.getTime() - daysAgo * DAY).toISOString();
  const topics = [
    {
      id: newId(),
      name: { da: "Lokaler og booking", en: "Premises and booking", nb: "Lokaler og booking", nl: "Zalen en reserveren" },
      unitName: "Kultur og Fritid",
      staffUserId: input.people.caseworker,
      inboxEmail: null,
    },
    {
      id: newId(),
      name: {
        da: "Frivillighed og foreninger",
        en: "Volunteering and associations",
        nb: "Frivillighet og foreninger",
        nl: "Vrijwilligerswerk en verenigingen",
      },
      unitName: "Frivilligcentret",
      staffUserId: input.people.staff,
      inboxEmail: null,
    },
    {
      id: newId(),
      name: { da: "Andet", en: "Something else", nb: "Annet", nl: "Iets anders" },
      unitName: "Borgerservice",
      staffUserId: null,
      inboxEmail: "borgerservice@sonderby.example",
    },
  ];
  for (const [i, t] of topics.entries()) {
    await insertTopic(
      db,
      input.tenantId,
      t.id,
      { name: t.name, unitName: t.unitName, staffUserId: t.staffUserId, inboxEmail: t.inboxEmail, position: i + 1, active: true },
      at(60),
    );
  }
  const enquiries: { topic: number; daysAgo: number; name: string; email: string; message: string; answer?: string }[] = [
    {
      topic: 0,
      daysAgo: 8,
      name: "Birthe Nielsen",
      email: "birthe.nielsen@example.org",
      message: "Kan vores seniorklub låne salen i Kulturhuset om torsdagen fra januar?",
    },
    {
      topic: 1,
      daysAgo: 2,
      name: "Ahmad Karimi",
      email: "ahmad.karimi@example.org",
      message: "Jeg vil gerne være frivillig lektiehjælper. Hvem skal jeg tale med?",
    },
    {
      topic: 2,
      daysAgo: 12,
      name: "Ole Sørensen",
      email: "ole.soerensen@example.org",
      message: "Hvor finder jeg reglerne for at sætte plakater op i byen?",
      answer: "Du finder reglerne på kommunens side om plakater. Ring gerne, hvis du har spørgsmål.",
    },
  ];
  for (const e of enquiries) {
    const topic = topics[e.topic];
    if (!topic) continue;
    const createdAt = at(e.daysAgo);
    const enquiry: Enquiry = {
      id: newId(),
      tenantId: input.tenantId,
      topicId: topic.id,
      senderName: e.name,
      senderEmail: e.email,
      senderPhone: null,
      language: "da",
      message: e.message,
      status: "new",
      answer: null,
      answeredBy: null,
      answeredAt: null,
      internalNote: "",
      dueAt: answerDeadline(createdAt, { answerDays: 5, workingDays: false }, input.zone),
      remindedAt: null,
      escalatedAt: null,
      closedAt: null,
      createdAt,
    };
    await insertEnquiry(db, enquiry, mintSecret().hash);
    if (e.answer) await setAnswer(db, input.tenantId, enquiry.id, e.answer, input.people.staff, at(e.daysAgo - 2));
  }
}

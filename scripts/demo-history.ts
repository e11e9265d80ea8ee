// A year behind the demo: applications to its jobs month by month, most of them answered,
// so the figures pages show curves rather than one month of data.
import type { Database } from "../src/db/database.js";
import type { ApplicationStatus } from "../src/modules/applications/applications.model.js";
import { insertApplication } from "../src/modules/applications/applications.repository.js";
import type { Keyring } from "../src/platform/crypto/sealed.js";
import { newId } from "../src/platform/ids.js";

const FIRST = ["Anne", "Lars", "Fatima", "Søren", "Maja", "Ahmed", "Inge", "Mikkel", "Sofie", "Henrik", "Leila", "Bent", "Ida", "Kasper", "Yasmin", "Poul"];
const LAST = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen"];
const MESSAGES = [
  "Jeg er lige gået på pension og vil gerne bruge min tid på noget, der giver mening.",
  "Jeg læser til lærer og har tid om eftermiddagen. Jeg har børneattest fra mit studiejob.",
  "Jeg er ny i byen og vil gerne lære nogen at kende og gøre noget godt.",
  "Jeg har prøvet noget lignende i min gamle forening og savner det.",
  "Jeg har ikke så meget erfaring, men jeg er god til at lytte og har god tid.",
  "Kan jeg komme og se, hvordan det foregår, før jeg siger ja?",
];

/** Deterministic, so every demo database tells the same story. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

export async function seedApplications(
  db: Database,
  ring: Keyring,
  input: { tenantId: string; now: Date; jobs: { id: string; publishedAt: string }[] },
): Promise<number> {
  const next = random(7);
  const DAY = 24 * 3600_000;
  let count = 0;
  for (let daysAgo = 335; daysAgo >= 1; daysAgo -= 1 + Math.floor(next() * 5)) {
    const at = new Date(input.now.getTime() - daysAgo * DAY + Math.floor(next() * 10 * 3600_000));
    const open = input.jobs.filter((j) => j.publishedAt <= at.toISOString());
    const job = open[Math.floor(next() * open.length)];
    if (!job) continue;
    // Most associations answer within days; a few take weeks; the latest are still waiting.
    const answerDays = next() < 0.8 ? 1 + Math.floor(next() * 5) : 8 + Math.floor(next() * 20);
    const answered = daysAgo > 10 || next() < 0.4;
    const answeredAt = answered ? new Date(Math.min(at.getTime() + answerDays * DAY, input.now.getTime() - 3600_000)) : null;
    const roll = next();
    const status: ApplicationStatus = !answeredAt ? "new" : roll < 0.5 ? "started" : roll < 0.7 ? "contacted" : roll < 0.8 ? "meeting" : "not_now";
    const first = FIRST[Math.floor(next() * FIRST.length)] as string;
    const last = LAST[Math.floor(next() * LAST.length)] as string;
    await insertApplication(db, ring, {
      id: newId(),
      tenantId: input.tenantId,
      opportunityId: job.id,
      userId: null,
      name: `${first} ${last}`,
      email: `${first}.${last}.${count}@example.org`.toLowerCase().replace(/ø/g, "oe").replace(/æ/g, "ae").replace(/å/g, "aa"),
      phone: null,
      message: MESSAGES[count % MESSAGES.length] as string,
      status,
      createdAt: at.toISOString(),
      confirmedAt: at.toISOString(),
      firstAnswerAt: answeredAt?.toISOString() ?? null,
      updatedAt: (answeredAt ?? at).toISOString(),
    });
    count++;
  }
  // The first job (the demo association's own) has two applicants from the last days still waiting for an answer.
  const first = input.jobs[0];
  for (const [i, name] of (first ? ["Hanne Vestergaard", "Omar Khalil"] : []).entries()) {
    const at = new Date(input.now.getTime() - (i + 1) * 30 * 3600_000).toISOString();
    await insertApplication(db, ring, {
      id: newId(),
      tenantId: input.tenantId,
      opportunityId: first?.id as string,
      userId: null,
      name,
      email: `${name.split(" ")[0]?.toLowerCase()}.${count + i}@example.org`,
      phone: null,
      message: MESSAGES[(count + i) % MESSAGES.length] as string,
      status: "new",
      createdAt: at,
      confirmedAt: at,
      firstAnswerAt: null,
      updatedAt: at,
    });
  }
  return count + (first ? 2 : 0);
}

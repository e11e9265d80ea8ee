// The centre's members in the demo: 40 associations in 4 groups, with their joining dates and this year's fee
// recorded (most paid, some not yet, a few exempt); one left last year.

import type { Database } from "../src/db/database.js";
import type { FeeStatus, MembershipType } from "../src/modules/members/members.model.js";
import { insertGroup, insertMember, setFee, setGroups, updateMember } from "../src/modules/members/members.repository.js";
import { newId } from "../src/platform/ids.js";

export interface MembersDemoInput {
  tenantId: string;
  now: Date;
  associations: { id: string; name: string }[];
}

const GROUPS = ["Sociale foreninger", "Selvorganiserede grupper", "Kultur og idræt", "Lokalråd"];

/** The groups by name with their members' association ids, for the newsletters' demo. */
export async function seedMembers(db: Database, input: MembersDemoInput): Promise<{ groups: { id: string; name: string; associationIds: string[] }[] }> {
  const now = input.now.toISOString();
  const year = input.now.getUTCFullYear();
  const groups = GROUPS.map((name) => ({ id: newId(), name, associationIds: [] as string[] }));
  for (const g of groups) await insertGroup(db, { id: g.id, tenantId: input.tenantId, name: g.name, createdAt: now });
  const chosen = input.associations.slice(0, 40);
  for (const [i, a] of chosen.entries()) {
    const id = newId();
    const type: MembershipType = i % 9 === 4 ? "associate" : i % 13 === 7 ? "supporting" : "full";
    const joinedOn = `${year - 1 - (i % 6)}-${String((i % 12) + 1).padStart(2, "0")}-01`;
    await insertMember(db, { id, tenantId: input.tenantId, associationId: a.id, membershipType: type, joinedOn, now });
    const group = groups[i % groups.length] as (typeof groups)[number];
    // Every fifth is in a second group too: a sports club that is also a self-organised group.
    const second = i % 5 === 0 ? groups[(i + 1) % groups.length] : undefined;
    await setGroups(db, input.tenantId, id, [group.id, ...(second ? [second.id] : [])]);
    group.associationIds.push(a.id);
    if (second) second.associationIds.push(a.id);
    const fee: FeeStatus = i % 7 === 3 ? "unpaid" : i % 11 === 5 ? "exempt" : "paid";
    await setFee(db, input.tenantId, id, year, fee, now);
    await setFee(db, input.tenantId, id, year - 1, "paid", now);
    if (i === chosen.length - 1) await updateMember(db, input.tenantId, id, { membershipType: type, joinedOn, leftOn: `${year - 1}-12-31`, now });
  }
  return { groups };
}

/**
 * The centre's thank-you party is kept for the members of one group: the calendar says so, and only their
 * boards and members register (staff still add anyone).
 */
export async function keepEventForMembers(db: Database, input: { tenantId: string; title: string; group: string }): Promise<void> {
  const group = await db.selectFrom("member_groups").select("id").where("tenant_id", "=", input.tenantId).where("name", "=", input.group).executeTakeFirst();
  if (!group) return;
  await db.updateTable("events").set({ member_group_id: group.id }).where("tenant_id", "=", input.tenantId).where("title", "=", input.title).execute();
}

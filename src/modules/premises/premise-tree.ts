import { weekdayOf } from "../../platform/time/recurrence.js";
import type { OpeningHours, Premise } from "./premises.model.js";

/** The premises of a tenant as a tree: booking a part blocks the whole and the whole blocks its parts. */
export class PremiseTree {
  readonly byId: Map<string, Premise>;
  private readonly children = new Map<string, string[]>();
  constructor(readonly all: Premise[]) {
    this.byId = new Map(all.map((p) => [p.id, p]));
    for (const p of all) if (p.parentId) this.children.set(p.parentId, [...(this.children.get(p.parentId) ?? []), p.id]);
  }
  /** The premise and every part inside it: what a booking of it holds. */
  withParts(id: string): string[] {
    return [id, ...(this.children.get(id) ?? []).flatMap((c) => this.withParts(c))];
  }
  /** The premise and what it is part of, nearest first. */
  lineage(id: string): Premise[] {
    const p = this.byId.get(id);
    return p ? [p, ...(p.parentId ? this.lineage(p.parentId) : [])] : [];
  }
  building(id: string): Premise | undefined {
    return this.lineage(id).at(-1);
  }
  postcodeOf(id: string): string | null {
    return this.lineage(id).find((p) => p.postcode)?.postcode ?? null;
  }
  addressOf(id: string): string {
    const b = this.lineage(id).find((p) => p.address);
    return [b?.address, this.postcodeOf(id)].filter(Boolean).join(", ");
  }
}

/** Opening hours on a date: the premise's own, or else those of what it is part of; a season's hours beat the all-year ones. */
export function hoursOn(tree: PremiseTree, hours: OpeningHours[], premiseId: string, date: string): { opens: string; closes: string } | null {
  const weekday = weekdayOf(date);
  for (const p of tree.lineage(premiseId)) {
    const own = hours.filter((h) => h.premiseId === p.id);
    if (own.length === 0) continue;
    const inSeason = own.filter((h) => h.validFrom && h.validTo && h.validFrom <= date && date <= h.validTo);
    const rows = inSeason.length > 0 ? inSeason : own.filter((h) => !h.validFrom);
    const today = rows.find((h) => h.weekday === weekday);
    return today ? { opens: today.opens, closes: today.closes } : null;
  }
  return null;
}

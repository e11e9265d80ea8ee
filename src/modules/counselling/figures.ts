import { authorize, can, isPerson } from "../../platform/auth/policy.js";
import { notFound } from "../../platform/http/errors.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { tenantToday } from "../../platform/service-context.js";
import { TOPICS, type Topic } from "./counselling.model.js";
import { canKeepCounselling } from "./counselling.policy.js";
import * as repo from "./counselling.repository.js";

export type Period = "month" | "quarter";

export interface FigureRow {
  key: string;
  cases: number;
  minutes: number;
}

export interface Figures {
  year: number;
  by: Period;
  byTopic: (FigureRow & { topic: Topic })[];
  byPeriod: FigureRow[];
  total: FigureRow;
}

type Conversation = { caseId: string; heldOn: string; minutes: number; topic: Topic };

const periodOf = (day: string, by: Period) => (by === "month" ? day.slice(0, 7) : `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`);

/** The periods of a year in order: its twelve months or four quarters. */
export const periodsOf = (year: number, by: Period) =>
  by === "month" ? Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`) : [1, 2, 3, 4].map((q) => `${year}-Q${q}`);

function tally(rows: Conversation[], key: string): FigureRow {
  return { key, cases: new Set(rows.map((r) => r.caseId)).size, minutes: rows.reduce((s, r) => s + r.minutes, 0) };
}

/** Cases (those with a conversation in the period) and time spent, by topic and by month or quarter. Pure, so tests call it directly. */
export function countFigures(conversations: Conversation[], year: number, by: Period): Figures {
  return {
    year,
    by,
    byTopic: TOPICS.map((topic) => ({
      ...tally(
        conversations.filter((c) => c.topic === topic),
        topic,
      ),
      topic,
    })),
    byPeriod: periodsOf(year, by).map((p) =>
      tally(
        conversations.filter((c) => periodOf(c.heldOn, by) === p),
        p,
      ),
    ),
    total: tally(conversations, "total"),
  };
}

export async function figures(ctx: ServiceContext, year: number | null, by: Period): Promise<Figures> {
  if (!isPerson(ctx.actor)) authorize(ctx.actor, canKeepCounselling, { tenantId: ctx.tenant.id });
  if (!can(ctx.actor, canKeepCounselling, { tenantId: ctx.tenant.id })) throw notFound();
  const y = year ?? Number(tenantToday(ctx).slice(0, 4));
  const rows = await repo.conversationsBetween(ctx.db, ctx.tenant.id, `${y}-01-01`, `${y}-12-31`);
  return countFigures(rows, y, by);
}

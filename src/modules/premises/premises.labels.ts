import type { MessageKey, T } from "../../platform/i18n/i18n.js";
import type { Booking, BookingStatus, Money, PremiseKind } from "./premises.model.js";

export const kindLabels: Record<PremiseKind, MessageKey> = {
  building: "premise.kind.building",
  room: "premise.kind.room",
  hall: "premise.kind.hall",
  outdoor: "premise.kind.outdoor",
  equipment: "premise.kind.equipment",
};

export const statusLabels: Record<BookingStatus, MessageKey> = {
  pending: "booking.status.pending",
  proposed: "booking.status.proposed",
  approved: "booking.status.approved",
  rejected: "booking.status.rejected",
  cancelled: "booking.status.cancelled",
};

/** "Every Tuesday from 1 December until 30 June, 18:00–20:00", in the reader's language. */
export function describeWhen(t: T, b: Pick<Booking, "startDate" | "startTime" | "endTime" | "everyWeeks" | "untilDate">) {
  const time = `${b.startTime}–${b.endTime}`;
  if (!b.everyWeeks) return t("booking.when.once", { date: b.startDate, time });
  return t(b.everyWeeks === 2 ? "booking.when.biweekly" : "booking.when.weekly", { date: b.startDate, until: b.untilDate ?? "", time });
}

export const formatMoney = (lang: string, money: Money) =>
  new Intl.NumberFormat(lang, { style: "currency", currency: money.currency }).format(money.minor / 100);

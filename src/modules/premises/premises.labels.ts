import type { Formats } from "../../platform/i18n/format.js";
import type { MessageKey, T } from "../../platform/i18n/i18n.js";
import type { Booking, BookingStatus, PremiseKind } from "./premises.model.js";

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

/** "hver uge fra tirsdag den 1. december 2026 til 29. juni 2027 kl. 18.00–20.00", in the reader's language and format. */
export function describeWhen(t: T, fmt: Formats, b: Pick<Booking, "startDate" | "startTime" | "endTime" | "everyWeeks" | "untilDate">) {
  const time = fmt.timeRange(b.startTime, b.endTime);
  const date = fmt.dateWithWeekday(b.startDate);
  if (!b.everyWeeks) return t("booking.when.once", { date, time });
  const until = b.untilDate ? fmt.date(b.untilDate) : "";
  return t(b.everyWeeks === 2 ? "booking.when.biweekly" : "booking.when.weekly", { date, until, time });
}

import type { MessageKey } from "../../../platform/i18n/i18n.js";
import { Link, P } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { SessionRoom } from "../event-room.js";
import type { CommunityEvent } from "../events.model.js";

const STATUS: Record<SessionRoom["status"], { label: MessageKey; color: string }> = {
  pending: { label: "booking.status.pending", color: "warning" },
  proposed: { label: "booking.status.proposed", color: "info" },
  approved: { label: "booking.status.approved", color: "success" },
  rejected: { label: "booking.status.rejected", color: "danger" },
  cancelled: { label: "booking.status.cancelled", color: "neutral" },
};

/** For the organiser: each session's booking of the event's room, its status and a link to it. */
export function RoomBookings(props: { e: CommunityEvent; rooms: SessionRoom[] }) {
  const { t, fmt } = usePage();
  const { e, rooms } = props;
  if (e.place !== "premise") return null;
  return (
    <section class="ds-card stack event-room" aria-labelledby="event-room-heading">
      <h2 class="ds-heading" data-size="xs" id="event-room-heading">
        {t("events.room.title")}
      </h2>
      {rooms.length === 0 ? (
        <P>{t("events.room.none")}</P>
      ) : (
        <>
          <P>{t("events.room.intro", { premise: e.placeName ?? "" })}</P>
          <ul class="event-room-list">
            {rooms.map((r) => (
              <li>
                <span class="event-room-when">{`${fmt.dateWithWeekday(r.date)}, ${fmt.timeRange(r.start, r.end)}`}</span>
                <span class="ds-tag" data-color={STATUS[r.status].color}>
                  {t(STATUS[r.status].label)}
                </span>
                <Link href={`/premises/bookings/${r.bookingId}`}>{t("events.room.open")}</Link>
                {r.note && r.status === "rejected" && <span class="event-room-note">{t("events.room.note", { note: r.note })}</span>}
              </li>
            ))}
          </ul>
          {rooms.some((r) => r.status === "pending") && <P>{t("events.room.pending")}</P>}
        </>
      )}
    </section>
  );
}

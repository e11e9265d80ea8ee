/** An event's session and the booking of its room made for it from the event's form (premises module's booking). */
export interface EventRoomBookingsTable {
  booking_id: string;
  tenant_id: string;
  event_id: string;
  session_id: string;
  /** What it was booked for: the premise and the session's times, so a change knows which bookings to move. */
  premise_id: string;
  starts_at: string;
  ends_at: string;
  created_at: string;
}

declare module "../../db/schema.js" {
  interface DB {
    event_room_bookings: EventRoomBookingsTable;
  }
}

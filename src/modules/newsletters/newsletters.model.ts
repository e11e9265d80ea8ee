/** Who a newsletter goes to: a member group of the centre, or the citizens who subscribed and confirmed their address. */
export type Segment = { kind: "group"; id: string } | { kind: "subscribers" };

export type NewsletterStatus = "draft" | "sending" | "sent";

export interface Newsletter {
  id: string;
  tenantId: string;
  subject: string;
  /** Markdown, shown through platform/markdown. */
  body: string;
  segment: Segment;
  status: NewsletterStatus;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}

/** How a sent newsletter fared: addresses it went to, mails sent and failed, and addresses unsubscribed from it. */
export interface NewsletterCounts {
  recipients: number;
  sent: number;
  failed: number;
  unsubscribed: number;
}

/** A member group as a choice of segment: its name and how many current members it has. */
export interface SegmentChoice {
  value: string;
  /** The member group; null for the subscribers (the view names them). */
  group: { id: string; name: string; count: number } | null;
}

export interface NewsletterListItem {
  newsletter: Newsletter;
  counts: NewsletterCounts;
  groupName: string | null;
}

/** A newsletter to the subscribers is public: it is shown in the archive once sent. */
export const isPublic = (n: Pick<Newsletter, "segment" | "status">) => n.segment.kind === "subscribers" && n.status === "sent";

/** The segment as one form value: "group:<id>" or "subscribers". */
export function segmentValue(s: Segment): string {
  return s.kind === "group" ? `group:${s.id}` : "subscribers";
}

export function parseSegment(value: string): Segment | null {
  if (value === "subscribers") return { kind: "subscribers" };
  const m = /^group:([A-Za-z0-9_-]{1,64})$/.exec(value);
  return m?.[1] ? { kind: "group", id: m[1] } : null;
}

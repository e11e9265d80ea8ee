/**
 * Who a newsletter goes to: a member group of the centre; the associations with a published, current job or event
 * in one of the tenant's categories; the members of one network; or the citizens who subscribed and confirmed their address.
 */
export type Segment = { kind: "group"; id: string } | { kind: "category"; id: string } | { kind: "network"; id: string } | { kind: "subscribers" };

export type SegmentKind = Segment["kind"];

/** The kinds that name a record of the tenant (a group, a category term, a network), in the order the form offers them. */
export const NAMED_KINDS = ["group", "category", "network"] as const;

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

/**
 * A choice of segment: a member group (count: its current members), a category (count: the associations it
 * reaches), a network (count: its members), or the subscribers (no name; the view names them).
 */
export interface SegmentChoice {
  value: string;
  kind: SegmentKind;
  name: string | null;
  count: number | null;
}

export interface NewsletterListItem {
  newsletter: Newsletter;
  counts: NewsletterCounts;
  /** The name of the segment's group, category or network; null for the subscribers, or when it is gone. */
  segmentName: string | null;
}

/** A newsletter to the subscribers is public: it is shown in the archive once sent. */
export const isPublic = (n: Pick<Newsletter, "segment" | "status">) => n.segment.kind === "subscribers" && n.status === "sent";

/** The segment as one form value: "group:<id>", "category:<id>", "network:<id>" or "subscribers". */
export function segmentValue(s: Segment): string {
  return s.kind === "subscribers" ? "subscribers" : `${s.kind}:${s.id}`;
}

export function parseSegment(value: string): Segment | null {
  if (value === "subscribers") return { kind: "subscribers" };
  const m = /^(group|category|network):([A-Za-z0-9_-]{1,64})$/.exec(value);
  const kind = m?.[1] as (typeof NAMED_KINDS)[number] | undefined;
  return kind && m?.[2] ? { kind, id: m[2] } : null;
}

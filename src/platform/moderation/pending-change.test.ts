import { describe, expect, it } from "vitest";
import { changedFields, diffFields, pendingColumns, readPendingChange, sameValue, waitsForApproval } from "./pending-change.js";

describe("a change that waits for approval", () => {
  const before = { title: "Gåtur for seniorer", place: null as string | null, online: false, languages: ["da", "en"], hours: 2 };

  it("compares field by field, in the order given, lists as sets and empty text as no value", () => {
    const after = { ...before, title: "Gåtur for seniorer i parken", place: "", languages: ["en", "da"], hours: 3 };
    expect(diffFields(before, after, ["title", "place", "online", "languages", "hours"])).toEqual([
      { field: "title", before: "Gåtur for seniorer", after: "Gåtur for seniorer i parken", changed: true },
      { field: "place", before: null, after: "", changed: false },
      { field: "online", before: false, after: false, changed: false },
      { field: "languages", before: ["da", "en"], after: ["en", "da"], changed: false },
      { field: "hours", before: 2, after: 3, changed: true },
    ]);
    expect(changedFields(before, after, ["title", "hours", "online"])).toEqual(["title", "hours"]);
    expect(sameValue(["da"], ["da", "en"])).toBe(false);
    expect(sameValue(false, null)).toBe(false);
  });

  it("waits only under pre-moderation, and only for a page that is already public", () => {
    expect(waitsForApproval("pre", true)).toBe(true);
    expect(waitsForApproval("pre", false)).toBe(false);
    expect(waitsForApproval("post", true)).toBe(false);
  });

  it("stores its content as JSON with the moment it was sent, and reads it back the same", () => {
    const change = { content: before, since: "2026-11-26T21:00:00.000Z" };
    const columns = pendingColumns(change);
    expect(readPendingChange(columns.pending_change, columns.pending_since)).toEqual(change);
    expect(pendingColumns(null)).toEqual({ pending_change: null, pending_since: null });
    expect(readPendingChange(null, null)).toBeNull();
  });
});

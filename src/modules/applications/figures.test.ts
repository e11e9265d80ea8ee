import { describe, expect, it } from "vitest";
import { figures, lastTwelveMonths } from "./figures.js";

describe("figures for the centre", () => {
  it("counts jobs, applications, answers and starts per month, with the median days to a first answer", () => {
    const rows = figures(
      {
        jobs: [
          { publishedAt: "2026-10-03T10:00:00Z", category: "sport" },
          { publishedAt: "2026-11-01T10:00:00Z", category: "elderly" },
        ],
        applications: [
          { confirmedAt: "2026-11-01T00:00:00Z", firstAnswerAt: "2026-11-02T00:00:00Z", status: "contacted", category: "elderly" },
          { confirmedAt: "2026-11-03T00:00:00Z", firstAnswerAt: "2026-11-06T00:00:00Z", status: "started", category: "elderly" },
          { confirmedAt: "2026-11-04T00:00:00Z", firstAnswerAt: null, status: "new", category: "sport" },
          { confirmedAt: "2025-01-04T00:00:00Z", firstAnswerAt: null, status: "new", category: "sport" },
        ],
      },
      ["2026-10", "2026-11"],
      { job: (j) => j.publishedAt.slice(0, 7), application: (a) => a.confirmedAt.slice(0, 7) },
    );
    expect(rows).toEqual([
      { key: "2026-10", jobs: 1, applications: 0, answered: 0, medianDaysToAnswer: null, starts: 0 },
      { key: "2026-11", jobs: 1, applications: 3, answered: 2, medianDaysToAnswer: 2, starts: 1 },
    ]);
  });

  it("names the twelve months up to today, across a new year", () => {
    expect(lastTwelveMonths("2026-02-10")).toEqual([
      "2025-03",
      "2025-04",
      "2025-05",
      "2025-06",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
    ]);
  });
});

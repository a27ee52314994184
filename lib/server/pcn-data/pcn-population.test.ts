// Which stored list a financial year's estimate uses: the one nearest 1 January before the year.
import { describe, expect, it } from "vitest";
import { listForYear, nearestList, yearListDate } from "./pcn-population";

const none = { total: null, date: null, source: "none" as const };
const lists = [
  { total: 50_000, extractDate: "2026-08-01", ageProfile: null },
  { total: 48_000, extractDate: "2025-04-01", ageProfile: null },
];

describe("yearListDate", () => {
  it.each([
    ["2023/24", "2023-01-01"],
    ["2025/26", "2025-01-01"],
  ])("%s → %s (1 January before the year)", (fy, date) => expect(yearListDate(fy)).toBe(date));
});

describe("nearestList", () => {
  it("picks the extract nearest the date, either side", () => {
    // 1 Jan 2025: April 2025 is 90 days away, August 2026 577.
    expect(nearestList(lists, "2025-01-01")?.extractDate).toBe("2025-04-01");
    // 1 Jan 2026: April 2025 is 275 days away, August 2026 212.
    expect(nearestList(lists, "2026-01-01")?.extractDate).toBe("2026-08-01");
  });
  it("breaks a tie towards the earlier list", () => {
    const tie = [{ extractDate: "2025-01-11" }, { extractDate: "2024-12-22" }];
    expect(nearestList(tie, "2025-01-01")?.extractDate).toBe("2024-12-22");
  });
  it("is null with no list", () => expect(nearestList([], "2025-01-01")).toBeNull());
});

describe("listForYear", () => {
  it("each year its nearest list; later than 1 January is flagged", () => {
    expect(listForYear("2023/24", lists, none)).toEqual({ total: 48_000, date: "2025-04-01", source: "pcn", target: "2023-01-01", later: true });
    expect(listForYear("2025/26", lists, none)).toEqual({ total: 48_000, date: "2025-04-01", source: "pcn", target: "2025-01-01", later: true });
    expect(listForYear("2026/27", lists, none)).toEqual({ total: 50_000, date: "2026-08-01", source: "pcn", target: "2026-01-01", later: true });
    const withJan = [...lists, { total: 47_000, extractDate: "2024-01-01", ageProfile: null }];
    expect(listForYear("2024/25", withJan, none)).toMatchObject({ total: 47_000, date: "2024-01-01", later: false });
  });
  it("without a PCN-level list, the practices' sum, flagged when later", () => {
    const sum = { total: 9_000, date: "2026-08-01", source: "sum-of-practices" as const };
    expect(listForYear("2025/26", [], sum)).toEqual({ ...sum, target: "2025-01-01", later: true });
  });
});

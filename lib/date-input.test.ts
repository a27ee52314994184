import { describe, expect, it } from "vitest";
import { dateInputToIso, isoToDateParts } from "./date-input";

describe("dateInputToIso", () => {
  it.each([
    // [day, month, year] → ISO
    [["1", "10", "2025"], "2025-10-01"],
    [["01", "04", "2026"], "2026-04-01"],
    [[" 29 ", "2", "2024"], "2024-02-29"], // 2024 is a leap year
    [["31", "3", "2027"], "2027-03-31"],
    [["", "", ""], ""], // blank = no date
    [["  ", " ", ""], ""],
  ] as const)("%j → %j", ([day, month, year], iso) => {
    expect(dateInputToIso({ day, month, year }, "Start date")).toEqual({ iso });
  });

  it.each([
    [["29", "2", "2025"], "Start date must be a real date"], // 2025 is not a leap year
    [["31", "4", "2025"], "Start date must be a real date"], // April has 30 days
    [["0", "1", "2025"], "Start date must be a real date"],
    [["1", "13", "2025"], "Start date must be a real date"],
    [["a", "1", "2025"], "Start date must be a real date"],
    [["1.5", "1", "2025"], "Start date must be a real date"],
    [["1", "1", "25"], "Year must include 4 numbers"],
    [["1", "", "2025"], "Start date must include a month"],
    [["", "", "2025"], "Start date must include a day and a month"],
    [["1", "1", ""], "Start date must include a year"],
  ] as const)("%j → %s", ([day, month, year], error) => {
    expect(dateInputToIso({ day, month, year }, "Start date")).toEqual({ error });
  });

  it("round-trips with isoToDateParts", () => {
    expect(isoToDateParts("2025-10-01")).toEqual({ day: "1", month: "10", year: "2025" });
    expect(dateInputToIso(isoToDateParts("2026-12-31"))).toEqual({ iso: "2026-12-31" });
    expect(isoToDateParts("")).toEqual({ day: "", month: "", year: "" });
    expect(isoToDateParts(undefined)).toEqual({ day: "", month: "", year: "" });
  });
});

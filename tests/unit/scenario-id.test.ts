// Scenario ids never start with "-" or "_": a CSV export writes text starting "-" with a leading
// "'" (so a spreadsheet does not run it as a formula), which changed the id a compare CSV carried
// (the compare test failed on about one run in 32).
import { describe, expect, it } from "vitest";
import { newScenarioId } from "@/lib/server/scenarios/scenarios";

describe("newScenarioId", () => {
  it("gives 16 URL-safe characters that start with a letter or digit, every time", () => {
    for (let i = 0; i < 5000; i++) expect(newScenarioId()).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{15}$/);
  });
});

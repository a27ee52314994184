import { describe, expect, it } from "vitest";
import { CandidateSchema } from "./optimise";

// The optimiser form labels the field "Short name"; its messages said "candidate id" (walkthrough).
describe("candidate short name messages", () => {
  it("name the field as the form does", () => {
    for (const id of ["", "x".repeat(61), "-bad"]) {
      const r = CandidateSchema.safeParse({ id, role: "occupational-therapist", band: "7", point: 1, area: "national", start: "2026-04-01", wteOptions: [1], value: 1 });
      expect(r.success).toBe(false);
      const messages = r.error!.issues.filter((i) => i.path[0] === "id").map((i) => i.message);
      expect(messages.length).toBeGreaterThan(0);
      for (const m of messages) expect(m).toMatch(/short name/);
    }
  });
});

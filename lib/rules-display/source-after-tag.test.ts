import { describe, expect, it } from "vitest";
import { getRules } from "@/lib/engine";
import { sourceAfterTag } from "./source-after-tag";

describe("sourceAfterTag", () => {
  it("drops a leading status word and the separator after it", () => {
    expect(sourceAfterTag("Derived (re-costed salary basis): NHS Employers pay scales")).toBe("Re-costed salary basis: NHS Employers pay scales");
    expect(sourceAfterTag("Estimate: best figure found")).toBe("Best figure found");
    // Was ", unverified: …" on /rules (the comma was left at the front).
    expect(sourceAfterTag("Estimate, unverified: one third-party tool")).toBe("Unverified: one third-party tool");
  });

  it("leaves a source without a status word alone", () => {
    expect(sourceAfterTag("PCN DES Specification 2025/26, Annex B")).toBe("PCN DES Specification 2025/26, Annex B");
  });

  it("no 2026/27 figure's source starts with punctuation once its tag is taken off", () => {
    const sources = JSON.stringify(getRules("2026/27")).match(/"source":"[^"]*"/g) ?? [];
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) expect(sourceAfterTag(JSON.parse(`{${s}}`).source)).toMatch(/^[^,;:.\s]/);
  });
});

// Issue 15 item 5 in the planner's pure parts: drafts (the table's WTE / sessions / hours select,
// the commissioner-approved fields, the 12-month checkbox) and the posts CSV, both ways.
import { describe, expect, it } from "vitest";
import { tableToCsv } from "@/lib/export/csv";
import { postInputsTable } from "@/lib/export/tables";
import { checkDraft, newPostDraft, postToDraft } from "./post-draft";
import { parsePostsCsv } from "./posts-csv";

const gpDraft = () => ({ ...newPostDraft("k1", "gp-1", "gp"), annualSalary: "82418" });

describe("post drafts", () => {
  it("a GP by sessions sends sessions, not wte", () => {
    const r = checkDraft({ ...gpDraft(), sizeUnit: "sessions", wte: "4" });
    expect(r.errors).toEqual({});
    expect(r.post).toMatchObject({ role: "gp", sessions: 4 });
    expect(r.post?.wte).toBeUndefined();
  });

  it("any post by hours a week sends hoursPerWeek", () => {
    const r = checkDraft({ ...newPostDraft("k1", "ot-1"), sizeUnit: "hours", wte: "30" });
    expect(r.errors).toEqual({});
    expect(r.post).toMatchObject({ hoursPerWeek: 30 });
  });

  it("sessions on a non-GP post: the message shows in the WTE cell", () => {
    const r = checkDraft({ ...newPostDraft("k1", "ot-1"), sizeUnit: "sessions", wte: "4" });
    expect(r.post).toBeNull();
    expect(r.errors.wte).toMatch(/Sessions are for GP posts only/);
  });

  it("a commissioner-approved role needs its name and maximum; then round-trips", () => {
    const blank = { ...newPostDraft("k1", "msk-1", "commissioner-approved"), salaryMode: "salary" as const, annualSalary: "60000" };
    const r = checkDraft(blank);
    expect(r.errors.roleName).toMatch(/name of the role the ICB approved/);
    expect(r.errors.maxReimbursableAnnual).toMatch(/maximum the ICB agreed/);
    const ok = checkDraft({ ...blank, roleName: "Musculoskeletal practitioner", agreedMax: "£55,000" });
    expect(ok.errors).toEqual({});
    expect(ok.post).toMatchObject({ role: "commissioner-approved", roleName: "Musculoskeletal practitioner", maxReimbursableAnnual: 55000, annualSalary: 60000 });
    expect(checkDraft(postToDraft(ok.post!, "k2")).post).toMatchObject(ok.post!);
  });

  it("the 12-month checkbox is sent for nurses and HCSWs only", () => {
    const nurse = { ...newPostDraft("k1", "n-1", "experienced-general-practice-nurse"), employedInLast12Months: true, moreSeniorRole: true };
    expect(checkDraft(nurse).post).toMatchObject({ employedInLast12Months: true, moreSeniorRole: true });
    const ot = { ...newPostDraft("k1", "ot-1"), employedInLast12Months: true };
    expect(checkDraft(ot).post?.employedInLast12Months).toBeUndefined();
  });

  it("a stored GP on sessions comes back as sessions in the draft", () => {
    const d = postToDraft({ id: "gp-1", role: "gp", annualSalary: 82418, sessions: 4.5 }, "k");
    expect(d).toMatchObject({ sizeUnit: "sessions", wte: "4.5" });
  });
});

describe("posts CSV", () => {
  it("reads sessions, hours, the approved role's name and maximum and yes/no flags", () => {
    const csv =
      "label,role,annualSalary,sessions,hoursPerWeek,roleName,maxReimbursableAnnual,employedInLast12Months,moreSeniorRole\n" +
      "GP,gp,82418,4,,,,,\n" +
      "OT,occupational-therapist,47810,,30,,,,\n" +
      'MSK,commissioner-approved,60000,,37.5,Musculoskeletal practitioner,"£55,000",,\n' +
      "Nurse,experienced-general-practice-nurse,38000,,37.5,,,yes,no\n";
    const r = parsePostsCsv(csv);
    expect(r).toEqual({
      ok: true,
      posts: [
        { label: "GP", role: "gp", annualSalary: 82418, sessions: 4 },
        { label: "OT", role: "occupational-therapist", annualSalary: 47810, hoursPerWeek: 30 },
        { label: "MSK", role: "commissioner-approved", annualSalary: 60000, hoursPerWeek: 37.5, roleName: "Musculoskeletal practitioner", maxReimbursableAnnual: 55000 },
        { label: "Nurse", role: "experienced-general-practice-nurse", annualSalary: 38000, hoursPerWeek: 37.5, employedInLast12Months: true, moreSeniorRole: false },
      ],
    });
  });

  it("reports two sizes on one row, and a flag that is not yes or no, with the row number", () => {
    const r = parsePostsCsv("role,annualSalary,wte,sessions,employedInLast12Months\ngp,82418,0.5,4,\nhealthcare-support-worker,25000,1,,perhaps\n");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContainEqual({ row: 2, message: "WTE: Give the post's WTE, sessions or hours a week — one of them, not two." });
    expect(r.errors.find((e) => e.row === 3)?.message).toMatch(/^Employed in last 12 months: employedInLast12Months must be true or false/);
  });

  it("round-trips: the posts export writes the new columns and imports back the same posts", () => {
    const posts = [
      { id: "a", label: "GP", role: "gp", status: "proposed" as const, annualSalary: 82418, sessions: 4 },
      { id: "b", label: "OT", role: "occupational-therapist", status: "proposed" as const, band: "7", point: 1, hoursPerWeek: 22.5 },
      { id: "c", label: "MSK", role: "commissioner-approved", status: "proposed" as const, annualSalary: 60000, wte: 1, roleName: "Musculoskeletal practitioner", maxReimbursableAnnual: 55000 },
      { id: "d", label: "HCSW", role: "healthcare-support-worker", status: "existing" as const, band: "3", point: 1, wte: 1, employedInLast12Months: true },
    ];
    const csv = tableToCsv(postInputsTable(posts as never));
    expect(csv.split(/\r?\n/)[0]).toMatch(/,sessions,hoursPerWeek,roleName,maxReimbursableAnnual,employedInLast12Months,moreSeniorRole,expectedStart$/);
    const back = parsePostsCsv(csv);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    back.posts.forEach((p, i) => {
      const { id: _id, ...rest } = posts[i]!;
      expect(p).toMatchObject(rest);
    });
  });
});

// Back pay after a backdated uplift as files, in the layout of the single claim form: post, months
// (from–to), old claim, new entitlement, difference; totals (XLSX: SUM formulas with their values).
import type { Backpay } from "@/lib/claims/backpay";
import type { ExportFile } from "./index";
import { money, tablesFile, text } from "./outturn";
import type { Table } from "./tables";

export interface BackpayExportSource {
  pcn: { code: string; name: string };
  agreedScenario: { name: string; version: number };
  backpay: Backpay;
  generatedAt: string;
  appVersion: string;
}

const pounds = (p: number) => p / 100;
const BASIS: Record<string, string> = { claimed: "claimed", plan: "plan under the old maxima (not yet claimed)", "claimed and plan": "claimed, and the plan under the old maxima where not yet claimed" };

export function backpayClaimForm(src: BackpayExportSource): Table {
  const b = src.backpay;
  return {
    name: "Back pay",
    title: `Back pay ${b.financialYear}: ${src.pcn.name} (${src.pcn.code}) — ${b.uplift?.title ?? ""}`,
    notes: [
      `${src.pcn.name} (${src.pcn.code}), ${b.financialYear}: back pay after the backdated uplift "${b.uplift?.title ?? ""}" (${b.uplift?.status ?? ""}; ${b.uplift?.source ?? ""}).`,
      `Backdated months: ${b.months[0] ?? ""} to ${b.months[b.months.length - 1] ?? ""}. Agreed plan: ${src.agreedScenario.name} (version ${src.agreedScenario.version}).`,
      "Old claim: what was claimed for the post and month (submitted, approved or paid); where nothing was claimed yet, the plan priced under the old maxima.",
      "New entitlement: the plan priced with the uplifted maxima. Difference = new entitlement − old claim: the back pay to claim.",
      `Exported ${src.generatedAt} by ARRS Planner ${src.appVersion}.`,
      ...b.warnings.map((w) => `Warning: ${w}`),
    ],
    columns: [text("Post"), text("Role"), { header: "Months from", kind: "month" }, { header: "Months to", kind: "month" }, money("Old claim"), money("New entitlement"), money("Difference"), text("Old claim basis")],
    rows: b.posts.map((p) => [p.label, p.roleName, p.from, p.to, pounds(p.oldClaimPence), pounds(p.newEntitlementPence), pounds(p.differencePence), BASIS[p.oldBasis] ?? p.oldBasis]),
  };
}

function byMonth(b: Backpay): Table {
  return {
    name: "By month",
    title: `Back pay ${b.financialYear} month by month`,
    columns: [text("Post"), { header: "Month", kind: "month" }, money("Old claim"), text("Old claim basis"), money("New entitlement"), money("Difference")],
    rows: b.posts.flatMap((p) => p.months.map((m) => [p.label, m.month, pounds(m.oldClaimPence), BASIS[m.oldBasis] ?? m.oldBasis, pounds(m.newEntitlementPence), pounds(m.differencePence)])),
  };
}

export async function backpayFile(src: BackpayExportSource, format: "csv" | "xlsx"): Promise<ExportFile> {
  const form = backpayClaimForm(src);
  const csv = { ...form, notes: undefined };
  return tablesFile(`Back pay ${src.pcn.code} ${src.backpay.financialYear.replace("/", "-")}`, `Back pay ${src.backpay.financialYear}: ${src.pcn.name}`, [form, byMonth(src.backpay)], csv, format, src);
}

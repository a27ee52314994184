// The ICB's forecast return as files (issue 18, item 3): one row per PCN × role × month — WTE and £
// (claimed where the month has claims, else the agreed plan) with each figure's basis — and a
// by-PCN sheet whose forecast column equals the ICB API's forecastClaims. XLSX totals are SUM
// formulas (the shared writer). Pure: the time of export is passed in.
import type { ExportFile } from "./index";
import { money, tablesFile, text } from "./outturn";
import type { Table } from "./tables";

export interface IcbReturnExportSource {
  icb: { code: string; name: string };
  financialYear: string;
  today: string;
  rows: { pcnCode: string; pcnName: string; month: string; roleName: string; wteTenThousandths: number; pence: number; basis: "claimed" | "planned" }[];
  pcns: { code: string; name: string; agreedScenario: { name: string } | null; forecastClaims: number; claimedToDate: number }[];
  generatedAt: string;
  appVersion: string;
}

const pounds = (p: number) => p / 100;
const wte = (t: number) => t / 10_000;

export function icbReturnTable(src: IcbReturnExportSource): Table {
  return {
    name: "Forecast return",
    title: `ARRS forecast return ${src.financialYear}: ${src.icb.name} (${src.icb.code})`,
    notes: [
      `${src.icb.name} (${src.icb.code}): ARRS forecast return for ${src.financialYear}, every PCN, to 31 March. Prepared ${src.today}.`,
      "Basis \"claimed\": the month's claims (submitted, approved or paid). Basis \"planned\": the PCN's agreed plan (a forecast: an estimate). A PCN without an agreed plan has rows only for months with claims.",
      "WTE: the month's WTE claimed, or the plan's WTE in post that month (WTE × days in post ÷ days in the month).",
      `Exported ${src.generatedAt} by ARRS Planner ${src.appVersion}.`,
    ],
    columns: [text("PCN code"), text("PCN name"), text("Role"), { header: "Month", kind: "month" }, { header: "WTE", kind: "wte", total: false }, money("Amount"), text("Basis")],
    rows: src.rows.map((r) => [r.pcnCode, r.pcnName, r.roleName, r.month, wte(r.wteTenThousandths), pounds(r.pence), r.basis]),
  };
}

function byPcnTable(src: IcbReturnExportSource): Table {
  return {
    name: "By PCN",
    title: `ARRS forecast return ${src.financialYear} by PCN`,
    notes: ["Forecast claims for the year (an estimate): claimed for the months that have claims, the agreed plan after."],
    columns: [text("PCN code"), text("PCN name"), text("Agreed plan"), money("Claimed to date"), money("Forecast claims for the year")],
    rows: src.pcns.map((p) => [p.code, p.name, p.agreedScenario ? p.agreedScenario.name : "No agreed plan", p.claimedToDate, p.forecastClaims]),
  };
}

export async function icbReturnFile(src: IcbReturnExportSource, format: "csv" | "xlsx"): Promise<ExportFile> {
  const main = icbReturnTable(src);
  return tablesFile(`Forecast return ${src.icb.code} ${src.financialYear.replace("/", "-")}`, `ARRS forecast return ${src.financialYear}: ${src.icb.name}`, [main, byPcnTable(src)], { ...main, notes: undefined }, format, src);
}

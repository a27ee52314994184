// The ICB's forecast return as files: WTE and £ by role and month to 31 March (claims where there
// are claims, the agreed plan after), and by role for the year. XLSX totals are SUM formulas.
import type { ForecastReturn } from "@/lib/claims/forecast-return";
import type { ExportFile } from "./index";
import { money, tablesFile, text } from "./outturn";
import type { Table } from "./tables";

export interface ForecastReturnExportSource {
  pcn: { code: string; name: string };
  agreedScenario: { name: string; version: number } | null;
  forecast: ForecastReturn;
  today: string;
  generatedAt: string;
  appVersion: string;
}

const pounds = (p: number) => p / 100;
const wte = (t: number) => t / 10_000;

export function forecastReturnTable(src: ForecastReturnExportSource): Table {
  const f = src.forecast;
  return {
    name: "Forecast return",
    title: `ARRS forecast return ${f.financialYear}: ${src.pcn.name} (${src.pcn.code})`,
    notes: [
      `${src.pcn.name} (${src.pcn.code}): ARRS forecast return for ${f.financialYear}, to 31 March. Prepared ${src.today}.`,
      "Basis \"claimed\": the month's claims (submitted, approved or paid). Basis \"planned\": the agreed plan's posts (a forecast: an estimate).",
      `Agreed plan: ${src.agreedScenario ? `${src.agreedScenario.name} (version ${src.agreedScenario.version})` : "none — months without claims are empty"}.`,
      "WTE: the month's WTE claimed, or the plan's WTE in post that month (WTE × days in post ÷ days in the month).",
      `Exported ${src.generatedAt} by ARRS Planner ${src.appVersion}.`,
    ],
    columns: [{ header: "Month", kind: "month" }, text("Role"), { header: "WTE", kind: "wte" }, money("Amount"), text("Basis")],
    rows: f.rows.map((r) => [r.month, r.roleName, wte(r.wteTenThousandths), pounds(r.pence), r.basis]),
  };
}

function byRoleTable(f: ForecastReturn): Table {
  return {
    name: "By role",
    title: `ARRS forecast return ${f.financialYear} by role`,
    columns: [text("Role"), { header: "Average WTE over the year", kind: "wte" }, money("Claimed"), money("Planned (forecast)"), money("Total")],
    rows: f.byRole.map((r) => [r.roleName, wte(r.averageWteTenThousandths), pounds(r.claimedPence), pounds(r.plannedPence), pounds(r.pence)]),
  };
}

export async function forecastReturnFile(src: ForecastReturnExportSource, format: "csv" | "xlsx"): Promise<ExportFile> {
  const main = forecastReturnTable(src);
  return tablesFile(`Forecast return ${src.pcn.code} ${src.forecast.financialYear.replace("/", "-")}`, `ARRS forecast return ${src.forecast.financialYear}: ${src.pcn.name}`, [main, byRoleTable(src.forecast)], { ...main, notes: undefined }, format, src);
}

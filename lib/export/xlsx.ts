// The XLSX workbook, written with exceljs: real numbers with a £ format (never text), header rows
// frozen, filters on, columns sized, A4 landscape print set-up. Totals are SUM formulas that also
// carry their value, so a reader that does not calculate still sees it.
import ExcelJS from "exceljs";
import { cellForFile } from "./csv";
import type { Cell, Column, Table } from "./tables";

const FORMATS: Partial<Record<Column["kind"], string>> = {
  money: '"£"#,##0.00;[Red]-"£"#,##0.00',
  wte: "0.00##",
  number: "#,##0.####",
  date: "d mmm yyyy",
};

function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

function value(col: Column, v: Cell): ExcelJS.CellValue {
  if (v === null) return null;
  if (col.kind === "date" && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return isoToDate(v);
  return cellForFile(v);
}

function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function addTable(wb: ExcelJS.Workbook, table: Table) {
  const ws = wb.addWorksheet(table.name.slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
    headerFooter: { oddHeader: `&L${table.title.replace(/&/g, "&&")}`, oddFooter: "&LARRS Planner&RPage &P of &N" },
  });
  let headerRow = 1;
  if (table.notes?.length) {
    for (const note of table.notes) ws.addRow([cellForFile(note)]);
    ws.addRow([]);
    headerRow = table.notes.length + 2;
  }
  const header = ws.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: "top", wrapText: true };
  for (const r of table.rows) ws.addRow(r.map((v, i) => value(table.columns[i]!, v)));
  const first = headerRow + 1;
  const last = headerRow + table.rows.length;
  if (table.columns.some((c) => c.total) && table.rows.length) {
    const totals = table.columns.map((c, i) => {
      if (i === 0) return "Total";
      if (!c.total) return null;
      const pence = table.rows.reduce((s, r) => s + (typeof r[i] === "number" ? Math.round((r[i] as number) * 100) : 0), 0);
      const L = columnLetter(i + 1);
      return { formula: `SUM(${L}${first}:${L}${last})`, result: pence / 100 };
    });
    const row = ws.addRow(totals);
    row.font = { bold: true };
  }
  table.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    const fmt = FORMATS[c.kind];
    if (fmt) col.numFmt = fmt;
    const longest = Math.max(
      Math.min(c.header.length, 24),
      ...table.rows.slice(0, 500).map((r) => {
        const v = r[i];
        return v === null ? 0 : typeof v === "number" ? (c.kind === "money" ? 13 : 8) : Math.min(String(v).length, 60);
      }),
    );
    col.width = Math.max(8, Math.min(60, longest + 2));
    if (c.kind === "text") col.alignment = { vertical: "top", wrapText: longest > 40 };
  });
  ws.views = [{ state: "frozen", ySplit: headerRow, xSplit: 0 }];
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: table.columns.length } };
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
}

export async function tablesToXlsx(tables: Table[], meta: { title: string; createdAt: Date; appVersion: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = `ARRS Planner ${meta.appVersion}`;
  wb.title = meta.title.slice(0, 200);
  wb.created = meta.createdAt;
  wb.modified = meta.createdAt;
  for (const t of tables) addTable(wb, t);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

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

/**
 * Width of each column from its header and first 500 values; whether a text column wraps.
 */
function columnWidths(table: Table): { width: number; wrap: boolean }[] {
  return table.columns.map((c, i) => {
    const longest = Math.max(
      Math.min(c.header.length, 24),
      ...table.rows.slice(0, 500).map((r) => {
        const v = r[i];
        return v === null ? 0 : typeof v === "number" ? (c.kind === "money" ? 13 : 8) : Math.min(String(v).length, 60);
      }),
    );
    return { width: Math.max(8, Math.min(60, longest + 2)), wrap: longest > 40 };
  });
}

// Styles are shared objects, one per column (and one for the header, one per column of the total
// row), never one per cell: exceljs recognises a style object it has seen (a WeakMap) and
// otherwise renders each cell's style to XML to de-duplicate it — which was most of the time of a
// workbook of a few thousand rows (issue 14: 2.4 s for 19 posts).
type Style = Partial<ExcelJS.Style>;
const HEADER_STYLE: Style = Object.freeze({ font: { bold: true }, alignment: { vertical: "top", wrapText: true } }) as Style;
const PLAIN_STYLE: Style = Object.freeze({}) as Style;

function addTable(wb: ExcelJS.Workbook, table: Table) {
  const ws = wb.addWorksheet(table.name.slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
    headerFooter: { oddHeader: `&L${table.title.replace(/&/g, "&&")}`, oddFooter: "&LARRS Planner&RPage &P of &N" },
  });
  const widths = columnWidths(table);
  const colStyles: Style[] = table.columns.map((c, i) => {
    const fmt = FORMATS[c.kind];
    return Object.freeze({ ...(fmt ? { numFmt: fmt } : {}), ...(c.kind === "text" ? { alignment: { vertical: "top", wrapText: widths[i]!.wrap } } : {}) }) as Style;
  });
  const styleRow = (row: ExcelJS.Row, styles: (i: number) => Style, rowStyle?: Style) => {
    if (rowStyle) (row as unknown as { style: Style }).style = rowStyle;
    row.eachCell({ includeEmpty: false }, (cell, n) => {
      cell.style = styles(n - 1);
    });
  };
  let headerRow = 1;
  if (table.notes?.length) {
    for (const note of table.notes) styleRow(ws.addRow([cellForFile(note)]), () => PLAIN_STYLE);
    ws.addRow([]);
    headerRow = table.notes.length + 2;
  }
  styleRow(
    ws.addRow(table.columns.map((c) => c.header)),
    () => HEADER_STYLE,
    HEADER_STYLE,
  );
  const cellStyle = (i: number) => colStyles[i] ?? PLAIN_STYLE;
  for (const r of table.rows) styleRow(ws.addRow(r.map((v, i) => value(table.columns[i]!, v))), cellStyle);
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
    const boldStyles = colStyles.map((st) => Object.freeze({ ...st, font: { bold: true } }) as Style);
    const bold = Object.freeze({ font: { bold: true } }) as Style;
    styleRow(ws.addRow(totals), (i) => boldStyles[i] ?? bold, bold);
  }
  table.columns.forEach((_, i) => {
    const col = ws.getColumn(i + 1);
    col.style = colStyles[i]!;
    col.width = widths[i]!.width;
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
  // Level 1 compression: about as small for these sheets (repetitive XML), and faster than the default 6.
  return Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } } as ExcelJS.XlsxWriteOptions));
}

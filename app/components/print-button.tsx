"use client";
// "Print": the browser's print dialog (A4 landscape, see the print section of app/globals.scss).
export function PrintButton({ label = "Print", small = false }: { label?: string; small?: boolean }) {
  return (
    <button type="button" className={`nhsuk-button nhsuk-button--secondary${small ? " nhsuk-button--small" : ""} app-no-print`} onClick={() => window.print()} data-testid="print">
      {label}
    </button>
  );
}

"use client";
// "Print": the browser's print dialog (A4 landscape, see the print section of app/globals.scss).
export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <button type="button" className="nhsuk-button nhsuk-button--secondary app-no-print" onClick={() => window.print()} data-testid="print">
      {label}
    </button>
  );
}

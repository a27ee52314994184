// Claims against the agreed plan (issue "Plan against actual"): the shapes shared by the claims
// API, the outturn and the exports. Pure: safe in the browser. Money in the API is pounds (at most
// 2 decimals) as everywhere else; the database holds integer pence (prisma ClaimLine).

export const CLAIM_STATUSES = ["draft", "submitted", "approved", "paid", "rejected"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Statuses that count as claimed (a draft is not sent yet; a rejected claim is not owed). */
export const CLAIMED_STATUSES: readonly ClaimStatus[] = ["submitted", "approved", "paid"];
/** Statuses that count as approved. */
export const APPROVED_STATUSES: readonly ClaimStatus[] = ["approved", "paid"];

/** One line of a month's claim, as the API reads and writes it. */
export interface ClaimLine {
  /** "2026-05": the month the claim pays for. */
  month: string;
  /** A post of the agreed plan, or null for a person not in it. */
  postId: string | null;
  label: string;
  role: string;
  wte: number;
  /** The month's salary, employer NI and employer pension actually paid (£). */
  salary: number;
  employerNi: number;
  employerPension: number;
  /** The amount claimed for the month (£). */
  claimed: number;
  status: ClaimStatus;
  /** The day the ICB paid it ("2026-07-15"), or null. */
  paidOn: string | null;
  note: string | null;
}

/** The stored row (integer pence, WTE in ten-thousandths) as Prisma returns it. */
export interface ClaimLineRow {
  month: string;
  postId: string | null;
  label: string;
  role: string;
  wteTenThousandths: number;
  salaryPence: number;
  employerNiPence: number;
  employerPensionPence: number;
  claimedPence: number;
  status: string;
  paidOn: string | null;
  note: string | null;
}

export function claimLineFromRow(r: ClaimLineRow): ClaimLine {
  return {
    month: r.month,
    postId: r.postId,
    label: r.label,
    role: r.role,
    wte: r.wteTenThousandths / 10000,
    salary: r.salaryPence / 100,
    employerNi: r.employerNiPence / 100,
    employerPension: r.employerPensionPence / 100,
    claimed: r.claimedPence / 100,
    status: r.status as ClaimStatus,
    paidOn: r.paidOn,
    note: r.note,
  };
}

/** The months of a financial year ("2026/27" → "2026-04" … "2027-03"). */
export function monthsOfYear(financialYear: string): string[] {
  const start = Number(financialYear.slice(0, 4));
  return Array.from({ length: 12 }, (_, i) => {
    const y = start + (i >= 9 ? 1 : 0);
    const m = ((i + 3) % 12) + 1;
    return `${y}-${String(m).padStart(2, "0")}`;
  });
}

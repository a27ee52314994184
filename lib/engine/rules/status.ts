// Where a figure comes from, in words a finance lead can act on. Every rule figure carries one of
// these statuses; the ids are the API's (`figures[].status`), the words are the screen's and the files'.
import type { FigureStatus } from "./types";

export interface StatusWords {
  /** Short label for a tag: "Derived". */
  label: string;
  /** One sentence: what the status means for the figure. */
  meaning: string;
}

export const FIGURE_STATUS_WORDS: Readonly<Record<FigureStatus, StatusWords>> = Object.freeze({
  published: {
    label: "Published",
    meaning:
      "Published by NHS England (or, for tax and pension rates and pay awards, by HMRC, DHSC or NHS Employers) in a document we have seen.",
  },
  "third-party": {
    label: "Third party",
    meaning:
      "Published by a third party — a trade journal, a local medical committee (LMC), a pay-scale site or a public calculator — reporting or transcribing the official figure; the official text itself was not found.",
  },
  derived: {
    label: "Derived",
    meaning:
      "Worked out by the planner with arithmetic on published figures, for example a London maximum from the national salary basis plus London weighting and on-costs. The source gives the sum.",
  },
  estimate: {
    label: "Estimate",
    meaning: "Not published and not exactly derivable: the best figure found, unverified. Replace it when the official figure is known.",
  },
  assumption: {
    label: "Assumption",
    meaning:
      "Rests on something not announced, for example that a pension rate stays the same or that a pay award is added to the maxima later in the year.",
  },
  override: {
    label: "Your figure",
    meaning: "Entered by you in the plan's assumptions; it replaces the table's figure.",
  },
  projection: {
    label: "Projection",
    meaning: "A year with no rule table: the previous year's figures carried forward with an assumed pay award and rate growth.",
  },
});

/** Every status, in the order a key lists them. */
export const FIGURE_STATUSES = Object.keys(FIGURE_STATUS_WORDS) as FigureStatus[];

/**
 * Statuses of figures nobody has published (the API's `estimates`, the screen's warnings):
 * derived, estimated, assumed or projected. Published and third-party figures are published;
 * a figure you entered is yours.
 */
export function isUnpublished(status: FigureStatus): boolean {
  return status === "derived" || status === "estimate" || status === "assumption" || status === "projection";
}

// Average WTE in post over a year (issue 14): a post counts for the share of the year it is in
// post, so a 1.0 WTE leaver on 30 September and a 1.0 WTE joiner on 1 October add up to about
// 1.00, not 2.00.
//   average = WTE × days in post ÷ days in the year
// in ten-thousandths of a WTE, rounded half up per post (so roles and the total are sums of the
// posts' figures and add up exactly).
import { divRoundHalfUp } from "./money";

export function averageWteInPost(args: { wteTenThousandths: number; daysInPost: number; daysInYear: number }): number {
  const { wteTenThousandths, daysInPost, daysInYear } = args;
  if (!Number.isInteger(daysInYear) || daysInYear <= 0) throw new RangeError("days in the year must be a positive whole number");
  if (!Number.isInteger(daysInPost) || daysInPost < 0 || daysInPost > daysInYear) throw new RangeError("days in post must be a whole number from 0 to the days in the year");
  return divRoundHalfUp(wteTenThousandths * daysInPost, daysInYear);
}

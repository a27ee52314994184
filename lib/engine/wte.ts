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

/**
 * An exact WTE as a fraction. Posts given in WTE are n/10000; GP sessions are sessions/9 and hours
 * a week hours/37.5 (issue 15): 4 sessions = 4/9 WTE, not 0.4444, so a 4-session GP costs exactly
 * 4/9 of a full-time one. Sessions and hours are taken in hundredths.
 */
export interface WteFraction {
  numerator: number;
  denominator: number;
}

/** Sessions that make a full-time post (9 sessions = 37.5 hours a week = 1.0 WTE). */
export const SESSIONS_PER_WTE = 9;
/** Hours a week that make a full-time post (Agenda for Change). */
export const HOURS_PER_WTE = 37.5;

/** The fraction a post is priced on: its exact WTE when given, else its ten-thousandths. */
export function wteFractionOf(post: { wteTenThousandths: number; wteExact?: WteFraction }): WteFraction {
  return post.wteExact ?? { numerator: post.wteTenThousandths, denominator: 10_000 };
}

/** Sessions (in hundredths: 4 sessions = 400) → exact WTE (÷ 900) and ten-thousandths (rounded half up). */
export function wteFromSessions(sessionsHundredths: number): { wteTenThousandths: number; wteExact: WteFraction } {
  return { wteTenThousandths: divRoundHalfUp(sessionsHundredths * 10_000, 900), wteExact: { numerator: sessionsHundredths, denominator: 900 } };
}

/** Hours a week (in hundredths: 30 h = 3000) → exact WTE (÷ 3750) and ten-thousandths (rounded half up). */
export function wteFromHours(hoursHundredths: number): { wteTenThousandths: number; wteExact: WteFraction } {
  return { wteTenThousandths: divRoundHalfUp(hoursHundredths * 10_000, 3750), wteExact: { numerator: hoursHundredths, denominator: 3750 } };
}

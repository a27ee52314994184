"use client";
// Small pieces the planner's result sections share: the year's tag, the charts' loading line, and
// a sum of pounds through pence.
import type { FigureKind } from "@/app/components/ui/cells";
import type { YearResult } from "@/lib/planner/types";

export const chartLoading = () => <p className="nhsuk-body-s app-chart-loading">Loading the chart…</p>;

/** A year's figures are projections when its rules are projected, else estimates when any figure used is one. */
export function yearTag(y: Pick<YearResult, "projection" | "estimates">): FigureKind | null {
  return y.projection ? "projection" : y.estimates.length ? "estimate" : null;
}

/** Pounds with at most 2 decimals, summed exactly through pence. */
export const sumPounds = (xs: number[]) => xs.reduce((a, x) => a + Math.round(x * 100), 0) / 100;

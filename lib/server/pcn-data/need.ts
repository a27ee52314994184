// Population need for OT for a PCN (GET /api/v1/pcns/{code}/need, the PCN page, the planner): the
// pure calculation (lib/need) on the PCN's latest age/sex profile, with the user's overrides.
// No "server-only" here: it only shapes a PcnDetail the caller has loaded.
import { calculateNeed, type NeedOverrides, type NeedResult } from "@/lib/need";
import { AppError } from "../errors";
import type { PcnDetail } from "./pcns";

export interface PcnNeed extends NeedResult {
  pcn: { code: string; name: string; isDemo: boolean; registeredPatients: number | null };
  /** The extract date of the age/sex profile used. */
  profileDate: string | null;
  /** "pcn": the PCN's published profile; "sum-of-practices": its member practices' profiles added up. */
  profileSource: "pcn" | "sum-of-practices";
  /** Every figure here is an estimate. */
  status: "estimate";
  method: string;
}

export const NEED_METHOD =
  "Estimate. People in each group from the PCN's registered patients by age and sex and published prevalence; patients = people × the share an OT service would see in a year; hours = patients × (first contact + admin + travel for home visits + follow-ups × (follow-up + admin)); WTE = hours ÷ patient-facing hours per 1.0 WTE. central uses every assumption's value; low and high combine each assumption's swing across its range as a root-sum-square; extremes put every assumption at its end at once.";

/** The PCN's need, or AppError not_found when it has no age profile. Overrides must be valid already. */
export function needForPcn(pcn: PcnDetail, overrides: NeedOverrides): PcnNeed {
  if (!pcn.ageProfile) throw new AppError("not_found", `No age profile is stored for ${pcn.name} (${pcn.code}), so its population need cannot be estimated.`);
  const { issues: _issues, ...result } = calculateNeed(pcn.ageProfile, overrides);
  return {
    pcn: { code: pcn.code, name: pcn.name, isDemo: pcn.isDemo, registeredPatients: pcn.registeredPatients },
    profileDate: pcn.registeredPatientsDate,
    profileSource: pcn.registeredPatientsSource === "pcn" ? "pcn" : "sum-of-practices",
    status: "estimate",
    method: NEED_METHOD,
    ...result,
  };
}

"use server";
// The editor's ICB-confirmed weighted population: validate (zod, in the data-access layer) →
// check the PCN exists → upsert → revalidate the PCN page. Bad input changes nothing.
// The PCN's editors and admins, and system administrators (setConfirmedWeightedPopulation checks
// the PCN); the signed-in account is recorded as who entered it, and in the audit trail.
import { revalidatePath } from "next/cache";
import { parseWeightedPopulationText } from "@/lib/schemas/pcn";
import { getCurrentUser } from "@/lib/server/auth/auth";
import { getDb } from "@/lib/server/db/db";
import { AppError } from "@/lib/server/errors";
import { setConfirmedWeightedPopulation } from "@/lib/server/pcn-data/weighted-population";
import type { ConfirmedFormState, ConfirmedFormField } from "./form-state";

const FIELDS: ConfirmedFormField[] = ["financialYear", "value", "source", "enteredBy", "note"];

export async function saveConfirmedWeightedPopulation(_prev: ConfirmedFormState, formData: FormData): Promise<ConfirmedFormState> {
  const text = (name: string) => {
    const v = formData.get(name);
    return typeof v === "string" ? v : "";
  };
  const values = {
    financialYear: text("financialYear"),
    value: text("value"),
    source: text("source"),
    enteredBy: text("enteredBy"),
    note: text("note"),
  };
  const code = text("code");
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("forbidden", "Sign in to do this.");
    values.enteredBy = user.name;
    // Authorises (the PCN's editors; the demo account only for demo PCNs), validates, saves, audits.
    const saved = await setConfirmedWeightedPopulation(
      getDb(),
      {
        code,
        financialYear: values.financialYear,
        value: parseWeightedPopulationText(values.value),
        source: values.source,
        enteredBy: values.enteredBy,
        enteredByUserId: user.id,
        note: values.note,
      },
      user,
    );
    revalidatePath(`/pcns/${code.trim().toUpperCase()}`);
    return {
      status: "saved",
      message: `Saved. The ICB-confirmed weighted population for ${saved.financialYear} is now ${saved.value.toLocaleString("en-GB", { maximumFractionDigits: 2 })}.`,
      fieldErrors: {},
      values: { ...values, value: "", source: values.source, note: "" },
    };
  } catch (e) {
    if (e instanceof AppError && e.code === "invalid_input") {
      const fieldErrors: ConfirmedFormState["fieldErrors"] = {};
      for (const issue of e.issues) {
        const field = FIELDS.find((f) => f === issue.path);
        if (field && !fieldErrors[field]) fieldErrors[field] = sentence(issue.message);
      }
      return { status: "error", message: "The figure was not saved.", fieldErrors, values };
    }
    if (e instanceof AppError) return { status: "error", message: e.message, fieldErrors: {}, values };
    console.error(e);
    return { status: "error", message: "Something went wrong on our side. Nothing was changed.", fieldErrors: {}, values };
  }
}

/** "enter your name" → "Enter your name". */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

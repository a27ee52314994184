// State shared by the ICB-confirmed weighted population form and its server action.
export type ConfirmedFormField = "financialYear" | "value" | "source" | "enteredBy" | "note";

export interface ConfirmedFormState {
  status: "idle" | "saved" | "error";
  message: string;
  fieldErrors: Partial<Record<ConfirmedFormField, string>>;
  values: Record<ConfirmedFormField, string>;
}

export function initialConfirmedFormState(financialYear: string): ConfirmedFormState {
  return { status: "idle", message: "", fieldErrors: {}, values: { financialYear, value: "", source: "", enteredBy: "", note: "" } };
}

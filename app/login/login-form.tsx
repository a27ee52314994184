"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/app/components/ui/error-summary";
import { login, type LoginState } from "./actions";

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(login, {});
  return (
    <form action={action} noValidate>
      {state.error ? <ErrorSummary titleId="login-error-title" items={[{ href: "#email", text: state.error }]} focusKey={state} /> : null}
      <input type="hidden" name="next" value={next} />
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="email">
          Email address
        </label>
        <input className="nhsuk-input nhsuk-u-width-two-thirds" id="email" name="email" type="email" autoComplete="username" defaultValue={state.email ?? ""} spellCheck={false} />
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="password">
          Password
        </label>
        <input className="nhsuk-input nhsuk-u-width-two-thirds" id="password" name="password" type="password" autoComplete="current-password" />
      </div>
      <button className="nhsuk-button" type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { login, type LoginState } from "./actions";

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(login, {});
  return (
    <form action={action} noValidate>
      {state.error ? (
        <div className="nhsuk-error-summary" aria-labelledby="login-error-title" role="alert" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title" id="login-error-title">
            There is a problem
          </h2>
          <div className="nhsuk-error-summary__body">
            <ul className="nhsuk-list nhsuk-error-summary__list">
              <li>
                <a href="#email">{state.error}</a>
              </li>
            </ul>
          </div>
        </div>
      ) : null}
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

"use client";
// Unexpected failures on the PCN pages: say so plainly, offer a retry; details stay in the log.
export default function PcnError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="nhsuk-error-summary" role="alert" tabIndex={-1} aria-labelledby="pcn-error-title">
      <h2 className="nhsuk-error-summary__title" id="pcn-error-title">
        Sorry, there is a problem with this page
      </h2>
      <div className="nhsuk-error-summary__body">
        <p>Something went wrong on our side. Nothing was changed.</p>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => reset()}>
          Try again
        </button>
      </div>
    </div>
  );
}

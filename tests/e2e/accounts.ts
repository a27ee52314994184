/** Fixed settings of the e2e server: the accounts global setup creates, and its timeouts. */
export const E2E_EDITOR = { email: "editor@example.nhs.uk", name: "E2E Editor", password: "e2e-editor-password", role: "editor" } as const;
export const E2E_ADMIN = { email: "admin@example.nhs.uk", name: "E2E Admin", password: "e2e-admin-password", role: "admin" } as const;

/** The e2e server drops a request body after this long without a byte (ARRS_BODY_TIMEOUT_MS). */
export const E2E_BODY_TIMEOUT_MS = 3000;

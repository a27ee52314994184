/** Accounts the e2e global setup creates in its database. */
export const E2E_EDITOR = { email: "editor@example.nhs.uk", name: "E2E Editor", password: "e2e-editor-password", role: "editor" } as const;
export const E2E_ADMIN = { email: "admin@example.nhs.uk", name: "E2E Admin", password: "e2e-admin-password", role: "admin" } as const;

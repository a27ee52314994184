// The ARRS engine: pure calculation (no framework, database, env or clock). Integer pence inside.
export * from "./calendar";
export * from "./money";
export * from "./roles";
export * from "./compile";
export * from "./entitlement";
export * from "./pay";
export * from "./pricing";
export * from "./rules";
export * from "./project";
export * from "./cash-flow";
export * from "./shares";
export * from "./supervision";
export * from "./wte";
export * from "./workforce";

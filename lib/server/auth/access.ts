// Access per PCN (docs/decisions/007-access-per-pcn.md). One place decides who may do what:
//
//   system administrator (User.role "admin")  everything, in every PCN
//   PCN admin                                 the PCN's scenarios (read, write), its members, its audit trail
//   PCN editor                                the PCN's scenarios (read, write), its ICB-confirmed figure
//   PCN viewer                                the PCN's scenarios, their exports and history (read only)
//   ICB viewer (per ICB)                      the agreed plans, outturns and forecast returns of the ICB's
//                                             PCNs (read only; never drafts or other scenarios)
//   anyone else                               public reference data and estimates only
//
// Services check the resource itself (a scenario's own pcnCode), not only the route that reached
// it: `requirePcnRole` reads the membership from the database on every call. Outsiders get 404
// (the same answer as for something that does not exist: no existence leak), members without the
// role 403. `canRead/canWrite/canAdmin` answer from the memberships loaded with the actor (each
// request resolves its session or API token afresh), for pages deciding what to show.
// No "server-only": the CLI and tests use this file.
import type { Db } from "../db/create-prisma";
import { AppError, notFound } from "../errors";
import type { SessionUser } from "./users";

export const PCN_ROLES = ["viewer", "editor", "admin"] as const;
export type PcnRole = (typeof PCN_ROLES)[number];

export interface PcnMembership {
  pcnCode: string;
  role: PcnRole;
}

const RANK: Record<PcnRole, number> = { viewer: 1, editor: 2, admin: 3 };

export const PCN_ROLE_LABELS: Record<PcnRole, string> = { viewer: "Viewer", editor: "Editor", admin: "PCN admin" };

/** Roles in an ICB: one today. */
export const ICB_ROLES = ["icb-viewer"] as const;
export type IcbRole = (typeof ICB_ROLES)[number];
export const ICB_ROLE_LABELS: Record<IcbRole, string> = { "icb-viewer": "ICB viewer" };

export function isIcbRole(v: unknown): v is IcbRole {
  return typeof v === "string" && (ICB_ROLES as readonly string[]).includes(v);
}

export function isPcnRole(v: unknown): v is PcnRole {
  return typeof v === "string" && (PCN_ROLES as readonly string[]).includes(v);
}

/** True when `have` includes what `need` allows (admin ⊇ editor ⊇ viewer). */
export function roleAtLeast(have: PcnRole | null | undefined, need: PcnRole): boolean {
  return !!have && RANK[have] >= RANK[need];
}

/**
 * The command-line tools (`npm run user`): whoever can run them on the server is trusted as a
 * system administrator. Recorded in the audit trail as "Command line"; never built by the app.
 */
export const COMMAND_LINE = Object.freeze({ commandLine: true as const, name: "Command line" });
export type CommandLineActor = typeof COMMAND_LINE;
export type Actor = SessionUser | CommandLineActor;

export function isCommandLine(actor: Actor | null | undefined): actor is CommandLineActor {
  return !!actor && "commandLine" in actor && actor.commandLine === true;
}

export function isSystemAdmin(actor: Actor | null | undefined): boolean {
  return !!actor && (isCommandLine(actor) || actor.role === "admin");
}

/** The actor's role in the PCN from its loaded memberships (null: not a member). */
export function pcnRoleOf(actor: Actor | null | undefined, pcnCode: string): PcnRole | null {
  if (!actor || isCommandLine(actor)) return null;
  const code = pcnCode.trim().toUpperCase();
  return actor.memberships?.find((m) => m.pcnCode === code)?.role ?? null;
}

const can = (actor: Actor | null | undefined, pcnCode: string, need: PcnRole) => isSystemAdmin(actor) || roleAtLeast(pcnRoleOf(actor, pcnCode), need);

/** May see the PCN's scenarios, exports and history. */
export const canRead = (actor: Actor | null | undefined, pcnCode: string) => can(actor, pcnCode, "viewer");
/** May change the PCN's scenarios and enter its ICB-confirmed weighted population. */
export const canWrite = (actor: Actor | null | undefined, pcnCode: string) => can(actor, pcnCode, "editor");
/** May manage the PCN's members and read its audit trail. */
export const canAdmin = (actor: Actor | null | undefined, pcnCode: string) => can(actor, pcnCode, "admin");

export interface RequireOptions {
  /** The 404 message for an outsider: make it the message for a thing that does not exist. */
  notFound?: string;
  /**
   * "not_found" (default): outsiders learn nothing. "forbidden": for public resources (a PCN's
   * weighted population), where there is nothing to hide and a 403 explains more.
   */
  outsider?: "not_found" | "forbidden";
  /** The 401 message when nobody is signed in. */
  unauthenticated?: string;
}

const WHO: Record<PcnRole, string> = { viewer: "members", editor: "editors and admins", admin: "admins" };

/**
 * Authorises `actor` for `role` in the PCN, reading the membership from the database: 401 when
 * nobody is signed in, 404 (or 403, see `outsider`) for someone with no role in the PCN, 403 for
 * a member whose role is not enough. System administrators always pass. Returns the actor and
 * its role there (null for system administrators who are not members).
 */
export async function requirePcnRole(
  db: Db,
  actor: Actor | null | undefined,
  pcnCode: string,
  role: PcnRole,
  opts: RequireOptions = {},
): Promise<{ actor: Actor; role: PcnRole | null }> {
  if (!actor) throw new AppError("unauthenticated", opts.unauthenticated ?? "Sign in, or send an API token, to do this.");
  const code = pcnCode.trim().toUpperCase();
  if (isCommandLine(actor)) return { actor, role: null };
  const m = await db.membership.findUnique({ where: { userId_pcnCode: { userId: actor.id, pcnCode: code } }, select: { role: true } });
  const have = m && isPcnRole(m.role) ? m.role : null;
  if (actor.role === "admin") return { actor, role: have };
  if (!have) {
    if (opts.outsider === "forbidden") {
      throw new AppError("forbidden", `Only ${code}'s ${WHO[role]} can do this. Ask one of the PCN's admins to add you.`);
    }
    throw notFound(opts.notFound ?? `You are not a member of PCN ${code}. Ask one of its admins to add you.`);
  }
  if (!roleAtLeast(have, role)) {
    throw new AppError("forbidden", `You are a ${PCN_ROLE_LABELS[have].toLowerCase()} of PCN ${code}: only its ${WHO[role]} can do this. Ask one of the PCN's admins if you need more.`);
  }
  return { actor, role: have };
}

/** May read the agreed plans and outturns of the ICB's PCNs (from the memberships loaded with the actor). */
export function canReadIcb(actor: Actor | null | undefined, icbCode: string): boolean {
  if (isSystemAdmin(actor)) return true;
  if (!actor || isCommandLine(actor)) return false;
  return actor.icbMemberships?.includes(icbCode.trim().toUpperCase()) ?? false;
}

/**
 * Authorises `actor` to read the ICB's view, reading the membership from the database: 401 when
 * nobody is signed in, 404 for anyone who is not one of the ICB's viewers (the same answer as for
 * an ICB that does not exist). System administrators always pass.
 */
export async function requireIcbViewer(db: Db, actor: Actor | null | undefined, icbCode: string): Promise<Actor> {
  if (!actor) throw new AppError("unauthenticated", "Sign in, or send an API token, to see an ICB's plans.");
  if (isSystemAdmin(actor)) return actor;
  const code = icbCode.trim().toUpperCase();
  const m = await db.icbMembership.findUnique({ where: { userId_icbCode: { userId: (actor as SessionUser).id, icbCode: code } }, select: { role: true } });
  if (!m || !isIcbRole(m.role)) throw notFound(`You are not a viewer of ICB ${code}. Ask a system administrator to add you.`);
  return actor;
}

/** System administrators only (the users page, every PCN's members): 401 / 403 otherwise. */
export function requireSystemAdmin(actor: Actor | null | undefined): Actor {
  if (!actor) throw new AppError("unauthenticated", "Sign in as a system administrator to do this.");
  if (!isSystemAdmin(actor)) throw new AppError("forbidden", "Only system administrators can do this.");
  return actor;
}

/** Who the audit trail records for an actor: the account's id and name (never its email). */
export function auditActorOf(actor: Actor): { actorUserId: number | null; actorName: string } {
  return isCommandLine(actor) ? { actorUserId: null, actorName: COMMAND_LINE.name } : { actorUserId: actor.id, actorName: actor.name };
}

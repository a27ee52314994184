// Accounts for single sign-on (docs/decisions/009-single-sign-on.md). An identity at an OpenID
// Connect provider is its issuer + subject (`iss` + `sub` of the ID token): that pair, not the
// email, says who signs in. The first sign-in links the identity to the account with the same
// (verified) email, or creates an account with no rights that waits for an administrator to grant
// a membership. No "server-only": tests use this file.
import crypto from "node:crypto";
import { auditEvent, diffFields } from "../audit";
import type { Db } from "../db/create-prisma";
import { hashPassword, toSessionUser } from "./users";

/** What the provider vouched for. The caller has already checked the email (verified, allowed domain). */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  /** Lower-case, verified by the provider, in an allowed domain. */
  email: string;
  /** A display name for a new account. */
  name: string;
}

export type IdentitySignIn =
  | { ok: true; userId: number; created: boolean; linked: boolean }
  /** The email's account is the demo account, or already linked to another identity at this provider. */
  | { ok: false; reason: "conflict" };

const isUniqueViolation = (e: unknown) => typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";

/**
 * The account this identity signs in to: the one it is linked to (matched by issuer + subject);
 * else the account with its email, which it is linked to now; else a new account (global role
 * "user", no memberships, an unusable random password), recorded in the audit trail as
 * user.create by the new account itself. Refuses to link the demo account, or an account already
 * linked to a different subject at the same issuer (an address handed on to someone else must
 * not inherit the old holder's account). All in one transaction: a refusal changes nothing.
 */
export async function signInWithIdentity(db: Db, identity: VerifiedIdentity, now: Date = new Date()): Promise<IdentitySignIn> {
  const attempt = () =>
    db.$transaction(async (tx): Promise<IdentitySignIn> => {
      const known = await tx.externalIdentity.findUnique({ where: { issuer_subject: { issuer: identity.issuer, subject: identity.subject } } });
      if (known) {
        await tx.externalIdentity.update({ where: { id: known.id }, data: { email: identity.email, lastSignInAt: now } });
        return { ok: true, userId: known.userId, created: false, linked: false };
      }
      const existing = await tx.user.findUnique({ where: { email: identity.email }, select: { id: true, isDemo: true } });
      if (existing) {
        if (existing.isDemo) return { ok: false, reason: "conflict" };
        const other = await tx.externalIdentity.findUnique({ where: { userId_issuer: { userId: existing.id, issuer: identity.issuer } } });
        if (other) return { ok: false, reason: "conflict" };
        await tx.externalIdentity.create({
          data: { issuer: identity.issuer, subject: identity.subject, userId: existing.id, email: identity.email, createdAt: now, lastSignInAt: now },
        });
        return { ok: true, userId: existing.id, created: false, linked: true };
      }
      const name = identity.name.trim().slice(0, 100) || identity.email;
      const user = await tx.user.create({
        data: {
          email: identity.email,
          name,
          role: "user",
          // Nobody knows this password: the account signs in through its provider until an
          // administrator sets one (npm run user -- set-password).
          passwordHash: hashPassword(crypto.randomBytes(32).toString("base64url")),
          createdAt: now,
        },
      });
      await tx.externalIdentity.create({
        data: { issuer: identity.issuer, subject: identity.subject, userId: user.id, email: identity.email, createdAt: now, lastSignInAt: now },
      });
      await auditEvent(tx, toSessionUser(user), {
        action: "user.create",
        entityType: "user",
        entityId: user.email,
        changes: diffFields(null, { email: user.email, name: user.name, role: "user", signIn: identity.issuer }),
        at: now,
      });
      return { ok: true, userId: user.id, created: true, linked: true };
    });
  try {
    return await attempt();
  } catch (e) {
    // Two first sign-ins at once (two tabs): the other one created the identity or the account.
    if (!isUniqueViolation(e)) throw e;
    return attempt();
  }
}

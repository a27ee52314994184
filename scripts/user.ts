// Accounts, and their roles per PCN (docs/decisions/007-access-per-pcn.md).
//   npm run user -- add EMAIL --name "Full Name" [--role admin]        (password: prompt, or ARRS_PASSWORD;
//                                                                       no role: no rights until granted)
//   npm run user -- grant EMAIL PCN_CODE viewer|editor|admin           (a role in one PCN, or a new one there)
//   npm run user -- revoke EMAIL PCN_CODE
//   npm run user -- grant EMAIL ICB_CODE icb-viewer                    (reads the ICB's PCNs' agreed plans and outturns)
//   npm run user -- revoke EMAIL ICB_CODE
//   npm run user -- set-password EMAIL                                 (signs the account out everywhere)
//   npm run user -- list                                               (with each account's memberships)
//   npm run user -- remove EMAIL
//   npm run user -- token EMAIL [--label TEXT]                         (prints a new API token once)
//   npm run user -- revoke-tokens EMAIL                                (revokes all of the account's API tokens)
import readline from "node:readline";
import { createPrisma, databaseUrl } from "@/lib/server/db/create-prisma";
import { DATABASE_BUSY_MESSAGE, isDatabaseBusy } from "@/lib/server/db/db-busy";
import { AppError } from "@/lib/server/errors";
import { COMMAND_LINE, type PcnRole } from "@/lib/server/auth/access";
import { grantIcbMembership, grantMembership, revokeIcbMembership, revokeMembership } from "@/lib/server/auth/memberships";
import { createApiToken, createUser, listUsers, removeUser, revokeApiTokens, setPassword } from "@/lib/server/auth/users";
import { EXIT_DATABASE_BUSY, migrateFirst, runCli, writeOut } from "./lib/cli";

const USAGE = `usage:
  npm run user -- add EMAIL --name "Full Name" [--role admin]
                                                no --role: an account with no rights until granted
                                                --role admin: a system administrator (every PCN)
  npm run user -- grant EMAIL PCN_CODE viewer|editor|admin
                                                a role in one PCN (admin = PCN admin: manages its members)
  npm run user -- revoke EMAIL PCN_CODE         takes the account's role in that PCN away
  npm run user -- grant EMAIL ICB_CODE icb-viewer
                                                reads the agreed plans, outturns and forecast returns
                                                of the ICB's PCNs (never drafts); changes nothing
  npm run user -- revoke EMAIL ICB_CODE         takes the account's ICB role away
  npm run user -- set-password EMAIL
  npm run user -- list                          every account, its role and memberships
  npm run user -- remove EMAIL
  npm run user -- token EMAIL [--label TEXT]    a new API token (Authorization: Bearer …), printed once
  npm run user -- revoke-tokens EMAIL           revokes every API token of the account
The password is read from ARRS_PASSWORD, or asked for.`;

const A_ROLE: Record<PcnRole, string> = { viewer: "a viewer", editor: "an editor", admin: "a PCN admin" };

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function askPassword(): Promise<string> {
  if (process.env.ARRS_PASSWORD) return process.env.ARRS_PASSWORD;
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
  const answer = await new Promise<string>((resolve) => rl.question("Password (at least 12 characters): ", resolve));
  rl.close();
  return answer;
}

async function main(): Promise<number> {
  const [cmd, ...args] = process.argv.slice(2);
  if (!cmd || !["add", "grant", "revoke", "set-password", "list", "remove", "token", "revoke-tokens"].includes(cmd)) {
    console.error(USAGE);
    return 2;
  }
  // The database is created and migrated first, as for the importer.
  const url = databaseUrl();
  const migrated = migrateFirst(url);
  if (migrated !== 0) return migrated;
  const db = createPrisma(url);
  try {
    const positional = args.filter((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
    const email = positional[0];
    if (cmd === "list") {
      // email, global role (admin | user), name, memberships (PCN:role … ICB:icb-viewer …, or "-").
      const users = await listUsers(db);
      const line = (u: (typeof users)[number]) =>
        `${u.email}\t${u.role}\t${u.name}\t${[...u.memberships.map((m) => `${m.pcnCode}:${m.role}`), ...(u.icbMemberships ?? []).map((c) => `${c}:icb-viewer`)].join(" ") || "-"}\n`;
      await writeOut(users.length ? users.map(line).join("") : "No accounts yet.\n");
    } else if (!email) {
      console.error(USAGE);
      return 2;
    } else if (cmd === "add") {
      // --role editor (the role before access per PCN) is still accepted: no global rights.
      const u = await createUser(db, { email, role: flag(args, "role") as "admin" | "user" | "editor" | undefined, name: flag(args, "name") ?? email, password: await askPassword() });
      console.log(
        u.role === "admin"
          ? `Created system administrator ${u.email}.`
          : `Created ${u.email}, with no rights until granted: npm run user -- grant ${u.email} PCN_CODE viewer|editor|admin`,
      );
    } else if (cmd === "grant" || cmd === "revoke") {
      const [, pcnCode, role] = positional;
      if (!pcnCode || (cmd === "grant" && !role)) {
        console.error(USAGE);
        return 2;
      }
      // An ICB code is three characters (QUY); a PCN code is U and five digits.
      const isIcb = cmd === "grant" ? role === "icb-viewer" : /^[a-z0-9]{3}$/i.test(pcnCode.trim());
      if (isIcb && cmd === "grant") {
        const r = await grantIcbMembership(db, COMMAND_LINE, { email, icbCode: pcnCode, role });
        console.log(
          r.changed
            ? `${email.trim().toLowerCase()} is now an ICB viewer of ${r.icb.code} (${r.icb.name}).`
            : `${email.trim().toLowerCase()} is already an ICB viewer of ${r.icb.code}; nothing changed.`,
        );
      } else if (isIcb) {
        await revokeIcbMembership(db, COMMAND_LINE, { email, icbCode: pcnCode });
        console.log(`${email.trim().toLowerCase()} is no longer an ICB viewer of ${pcnCode.trim().toUpperCase()}.`);
      } else if (cmd === "grant") {
        const r = await grantMembership(db, COMMAND_LINE, { email, pcnCode, role });
        const code = pcnCode.trim().toUpperCase();
        console.log(
          !r.changed
            ? `${r.member.email} is already ${A_ROLE[r.member.role]} of ${code}; nothing changed.`
            : `${r.member.email} is now ${A_ROLE[r.member.role]} of ${code}${r.before ? ` (was ${A_ROLE[r.before]})` : ""}.`,
        );
      } else {
        const r = await revokeMembership(db, COMMAND_LINE, { email, pcnCode });
        console.log(`${email.trim().toLowerCase()} is no longer ${A_ROLE[r.revoked]} of ${pcnCode.trim().toUpperCase()}.`);
      }
    } else if (cmd === "set-password") {
      await setPassword(db, email, await askPassword());
      console.log(`Password changed for ${email}; its sessions were signed out.`);
    } else if (cmd === "token") {
      const { token, user } = await createApiToken(db, email, { label: flag(args, "label") });
      // The token alone on stdout (for scripts); the note on stderr.
      const rights = user.role === "admin" ? "system administrator" : `${user.memberships.length} PCN membership${user.memberships.length === 1 ? "" : "s"}`;
      console.error(`New API token for ${user.email} (${rights}; the token carries the account's memberships as they are at each request). It is shown only this once; revoke with: npm run user -- revoke-tokens ${user.email}`);
      await writeOut(`${token}\n`);
    } else if (cmd === "revoke-tokens") {
      const n = await revokeApiTokens(db, email);
      console.log(`Revoked ${n} API token${n === 1 ? "" : "s"} of ${email.trim().toLowerCase()}.`);
    } else {
      await removeUser(db, email);
      console.log(`Removed ${email}.`);
    }
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(e.issues.length ? e.issues.map((i) => `${i.path ? `${i.path}: ` : ""}${i.message}`).join("\n") : e.message);
      return 2;
    }
    if (isDatabaseBusy(e)) {
      console.error(DATABASE_BUSY_MESSAGE);
      return EXIT_DATABASE_BUSY;
    }
    throw e;
  } finally {
    await db.$disconnect();
  }
}

runCli(main);

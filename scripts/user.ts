// Accounts for editors and administrators.
//   npm run user -- add EMAIL --role admin|editor --name "Full Name"   (password: prompt, or ARRS_PASSWORD)
//   npm run user -- set-password EMAIL                                 (signs the account out everywhere)
//   npm run user -- list
//   npm run user -- remove EMAIL
//   npm run user -- token EMAIL [--label TEXT]                         (prints a new API token once)
//   npm run user -- revoke-tokens EMAIL                                (revokes all of the account's API tokens)
import readline from "node:readline";
import { createPrisma, databaseUrl } from "@/lib/server/create-prisma";
import { DATABASE_BUSY_MESSAGE, isDatabaseBusy } from "@/lib/server/db-busy";
import { AppError } from "@/lib/server/errors";
import { createApiToken, createUser, listUsers, removeUser, revokeApiTokens, setPassword } from "@/lib/server/users";
import { EXIT_DATABASE_BUSY, migrateFirst, runCli, writeOut } from "./lib/cli";

const USAGE = `usage:
  npm run user -- add EMAIL --role admin|editor --name "Full Name"
  npm run user -- set-password EMAIL
  npm run user -- list
  npm run user -- remove EMAIL
  npm run user -- token EMAIL [--label TEXT]    a new API token (Authorization: Bearer …), printed once
  npm run user -- revoke-tokens EMAIL           revokes every API token of the account
The password is read from ARRS_PASSWORD, or asked for.`;

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
  if (!cmd || !["add", "set-password", "list", "remove", "token", "revoke-tokens"].includes(cmd)) {
    console.error(USAGE);
    return 2;
  }
  // The database is created and migrated first, as for the importer.
  const url = databaseUrl();
  const migrated = migrateFirst(url);
  if (migrated !== 0) return migrated;
  const db = createPrisma(url);
  try {
    const email = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
    if (cmd === "list") {
      const users = await listUsers(db);
      await writeOut(users.length ? users.map((u) => `${u.email}\t${u.role}\t${u.name}\n`).join("") : "No accounts yet.\n");
    } else if (!email) {
      console.error(USAGE);
      return 2;
    } else if (cmd === "add") {
      const u = await createUser(db, { email, role: (flag(args, "role") ?? "editor") as "admin" | "editor", name: flag(args, "name") ?? email, password: await askPassword() });
      console.log(`Created ${u.role} ${u.email}.`);
    } else if (cmd === "set-password") {
      await setPassword(db, email, await askPassword());
      console.log(`Password changed for ${email}; its sessions were signed out.`);
    } else if (cmd === "token") {
      const { token, user } = await createApiToken(db, email, { label: flag(args, "label") });
      // The token alone on stdout (for scripts); the note on stderr.
      console.error(`New API token for ${user.email} (${user.role}). It is shown only this once; revoke with: npm run user -- revoke-tokens ${user.email}`);
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

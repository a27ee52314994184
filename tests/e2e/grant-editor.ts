// e2e set-up: the editor account edits every demo PCN (access is per PCN; see docs/decisions/007).
// Run with tsx by global-setup.ts after the accounts exist.
import { COMMAND_LINE } from "@/lib/server/auth/access";
import { createPrisma } from "@/lib/server/db/create-prisma";
import { grantMembership } from "@/lib/server/auth/memberships";
import { E2E_EDITOR } from "./accounts";

const db = createPrisma();
try {
  const pcns = await db.pcn.findMany({ where: { isDemo: true }, select: { code: true } });
  for (const p of pcns) await grantMembership(db, COMMAND_LINE, { email: E2E_EDITOR.email, pcnCode: p.code, role: "editor" });
} finally {
  await db.$disconnect();
}

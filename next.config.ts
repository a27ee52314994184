import type { NextConfig } from "next";
import { BASE_HEADERS } from "./lib/security-headers.mjs";

const nextConfig: NextConfig = {
  // Native/server-only packages stay out of the bundle (highs: its loader reads its .wasm from node_modules).
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "highs"],
  poweredByHeader: false,
  // Server actions take at most 1 MB, Next's default (no `experimental.serverActions.bodySizeLimit`:
  // setting it, even to the default, made every build and start print "Experiments (use with
  // caution)"). No server action takes a file: the admin upload is a route handler that streams it
  // (app/admin/import/upload/route.ts). proxy.ts refuses larger action posts before Next reads them.
  // nosniff, Referrer-Policy, Permissions-Policy, … on every path, static files included; the
  // Content-Security-Policy (a nonce per page) and HSTS come from proxy.ts, and scripts/serve.mjs
  // adds whatever a response still lacks (lib/security-headers.mjs, docs/decisions/010-hardening.md).
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(BASE_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
  sassOptions: {
    // nhsuk-frontend's Sass resolves its own partials from node_modules.
    loadPaths: ["node_modules"],
    silenceDeprecations: ["import", "global-builtin", "color-functions", "if-function"],
  },
};

export default nextConfig;

#!/usr/bin/env node
// Bundles scripts/direct/routes.ts (route handlers scripts/serve.mjs answers without Next's
// router) into .next/arrs-direct/routes.mjs, stamped with the build's BUILD_ID so that serve.mjs
// never pairs it with another build. Packages stay external (resolved from node_modules at run
// time, as Next's own server does); "server-only" is empty here, as under Next's react-server
// condition. Run by `npm run build` and ensureBuilt() after `next build`.
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const outDir = path.join(root, ".next/arrs-direct");
const buildId = fs.readFileSync(path.join(root, ".next/BUILD_ID"), "utf8").trim();

await build({
  entryPoints: [path.join(root, "scripts/direct/routes.ts")],
  outfile: path.join(outDir, "routes.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  tsconfig: path.join(root, "tsconfig.json"),
  define: { "process.env.NODE_ENV": '"production"' },
  banner: { js: `export const BUILD_ID = ${JSON.stringify(buildId)};` },
  logLevel: "warning",
  plugins: [
    {
      name: "server-only",
      setup(b) {
        b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
        b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
      },
    },
  ],
});
console.log(`Bundled the direct API routes into ${path.relative(root, outDir)}/routes.mjs`);

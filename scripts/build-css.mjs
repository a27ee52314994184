#!/usr/bin/env node
// Compiles NHS.UK frontend's Sass to public/nhsuk/nhsuk.css (served as a static file).
// - $nhsuk-include-font-face: false: the Frutiger @font-face points at an NHS CDN an offline
//   deployment cannot reach; the NHS fallback stack (Arial) is used instead.
// - Served statically because Next's CSS pipeline cannot parse the `@container scroll-state`
//   queries nhsuk-frontend 10 uses (docs/decisions/004-nhsuk-css.md).
import fs from "node:fs";
import path from "node:path";
import * as sass from "sass";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, "public/nhsuk/nhsuk.css");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "node_modules/nhsuk-frontend/package.json"), "utf8"));
const stamp = `/* nhsuk-frontend ${pkg.version} */\n`;
if (fs.existsSync(out) && fs.readFileSync(out, "utf8").startsWith(stamp)) process.exit(0);
const result = sass.compileString(
  '@use "nhsuk-frontend/dist/nhsuk" with ($nhsuk-include-font-face: false);',
  {
    loadPaths: [path.join(root, "node_modules")],
    style: "compressed",
    quietDeps: true,
    silenceDeprecations: ["import", "global-builtin", "color-functions", "if-function"],
  },
);
fs.mkdirSync(path.dirname(out), { recursive: true });
// The CSS refers to /assets/images/*.svg: copy the package's assets beside it.
fs.cpSync(path.join(root, "node_modules/nhsuk-frontend/dist/nhsuk/assets"), path.join(root, "public/assets"), { recursive: true });
fs.writeFileSync(out, stamp + result.css);
console.log(`Wrote ${path.relative(root, out)} (${Math.round(result.css.length / 1024)} KiB)`);

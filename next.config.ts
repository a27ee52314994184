import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native/server-only packages stay out of the bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  sassOptions: {
    // nhsuk-frontend's Sass resolves its own partials from node_modules.
    loadPaths: ["node_modules"],
    silenceDeprecations: ["import", "global-builtin", "color-functions", "if-function"],
  },
};

export default nextConfig;

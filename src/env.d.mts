// Types of src/env.mjs (plain JavaScript so that next.config.mjs can load it).
import type { AddressList } from "./server/http/address-list.mjs";

export type ServerEnv = {
  NODE_ENV: "development" | "production" | "test";
  DATABASE_URL: string;
  PLATFORM_DOMAIN: string;
  APP_ENCRYPTION_KEY: string;
  NEXTAUTH_SECRET: string;
  NEXTAUTH_URL: undefined;
  SESSION_MAX_AGE_HOURS: number;
  JOB_WORKERS: number;
  WECOM_RECONCILE_HOURS: number;
  SECURE_COOKIES: "true" | "false" | undefined;
  TRUSTED_PROXY_HOPS: number;
  WECOM_SIMULATOR_URL: string | undefined;
  /** Parsed and normalised; empty = not configured. */
  WECOM_EGRESS_IPS: string[];
  /** Parsed; empty = the vendor console answers any address. */
  VENDOR_ALLOWED_ADDRESSES: AddressList;
};

export function serverEnv(): ServerEnv;

export function secureCookies(env?: { SECURE_COOKIES?: "true" | "false" | undefined; PLATFORM_DOMAIN: string }): boolean;

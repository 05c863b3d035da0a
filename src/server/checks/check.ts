// One item of a checklist the server runs for an admin — 【测试连接】 of the school's WeCom
// (wecom/diagnose.ts) and of its unified login (identity/connection-test.ts), and the next
// ones (自助排查) — drawn by one component, src/components/ui/checklist.tsx. The server says a
// check in the reader's language (scope.locale) because its words are built from what it
// found: a school's app name, the IP WeCom saw, a certificate's fault, a catalogue message.
import { z } from "zod";
import type { Locale } from "~/i18n/locale";
import { translator } from "~/i18n/messages";

export const CHECK_STATUSES = ["passed", "warning", "failed", "skipped"] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export type Check<Id extends string = string> = {
  id: Id;
  status: CheckStatus;
  title: string;
  /** What was found; for a check that was skipped, why. */
  detail: string;
  /** What the admin does about it, in order; empty when there is nothing to do. */
  steps: string[];
  /** The page of ours where it is done (a local path), with its words. */
  link?: { href: string; label: string };
};

/** The checks in order, with their answer in a line: `ok` and the first problem, or the all-clear. */
export type Checklist<Id extends string = string> = { ok: boolean; message: string; checks: Check<Id>[] };

/** A procedure's output schema for a checklist of these ids: our own words only, never a remote server's. */
export function checklistOutput<const Ids extends readonly [string, ...string[]]>(ids: Ids) {
  return z.object({
    ok: z.boolean(),
    /** The first problem in a line, or that all is well. */
    message: z.string(),
    checks: z.array(
      z.object({
        id: z.enum(ids),
        status: z.enum(CHECK_STATUSES),
        title: z.string(),
        detail: z.string(),
        steps: z.array(z.string()),
        link: z.object({ href: z.string(), label: z.string() }).optional(),
      }),
    ),
  });
}

/**
 * The checklist's answer. `warnings: "matter"` (WeCom: a warning is something the platform cannot
 * do) makes only a clean sweep ok and names a warning when nothing failed; `"informative"` (the
 * unified login: the client id can only be proven by a real sign-in) lets a warning stand.
 */
export function checklist<Id extends string>(
  checks: Check<Id>[],
  options: { allClear: string; warnings: "matter" | "informative"; locale: Locale },
): Checklist<Id> {
  const failed = checks.find((c) => c.status === "failed");
  const first = options.warnings === "matter" ? (failed ?? checks.find((c) => c.status === "warning")) : failed;
  const ok = options.warnings === "matter" ? checks.every((c) => c.status === "passed") : !failed;
  const message = first ? translator(options.locale)("checks.summary", { title: first.title, detail: first.detail }) : options.allClear;
  return { ok, message, checks };
}

// What a school's admin sees of its WeCom sync jobs: pending and failed ones,
// and a retry for a failed one. Jobs live in pg-boss's tables, outside Prisma,
// so these two queries name the tenant themselves.
import { z } from "zod";
import { AppError } from "~/server/errors";
import { QUEUES } from "~/server/jobs/queue";
import { unscopedClient, type TenantScope } from "~/server/scope";

export type SyncJobRow = {
  id: string;
  state: "created" | "retry" | "active" | "failed";
  kind: string;
  memberId: string | null;
  retryCount: number;
  createdAt: Date;
  error: { zh: string; en: string } | null;
  /** Waits for the school's WeCom settings to be corrected (a refused secret): resumes when they are saved. */
  paused: boolean;
};

type Raw = {
  id: string;
  state: SyncJobRow["state"];
  data: Record<string, unknown>;
  output: Record<string, unknown> | null;
  retry_count: number;
  created_on: Date;
};

export const syncJobRowOutput = z.object({
  id: z.string(),
  state: z.enum(["created", "retry", "active", "failed"]),
  kind: z.string(),
  memberId: z.string().nullable(),
  retryCount: z.number(),
  createdAt: z.date(),
  error: z.object({ zh: z.string(), en: z.string() }).nullable(),
  paused: z.boolean(),
});

export async function listSyncJobs(scope: TenantScope, options: { take?: number } = {}): Promise<SyncJobRow[]> {
  const rows = await unscopedClient(scope).$queryRawUnsafe<Raw[]>(
    `SELECT id::text, state::text, data, output, retry_count, created_on FROM pgboss.job
      WHERE name = $1 AND data->>'tenantId' = $2 AND state IN ('created', 'retry', 'active', 'failed')
      ORDER BY created_on DESC LIMIT $3`,
    QUEUES.wecomSync,
    scope.tenant.id,
    options.take ?? 100,
  );
  return rows.map((row) => ({
    id: row.id,
    state: row.state,
    kind: String(row.data.kind),
    memberId: typeof row.data.memberId === "string" ? row.data.memberId : null,
    retryCount: row.retry_count,
    createdAt: row.created_on,
    error:
      row.output && typeof row.output.message === "string"
        ? { zh: row.output.message, en: typeof row.output.en === "string" ? row.output.en : row.output.message }
        : null,
    paused: row.state === "failed" && row.output?.paused === true,
  }));
}

export const syncJobIdInput = z.object({ jobId: z.string().uuid() });

export async function retrySyncJob(scope: TenantScope, input: z.infer<typeof syncJobIdInput>): Promise<{ ok: true }> {
  const jobId = input.jobId;
  const owned = await unscopedClient(scope).$queryRawUnsafe<{ id: string }[]>(
    `SELECT id::text FROM pgboss.job WHERE name = $1 AND id = $2::uuid AND data->>'tenantId' = $3 AND state = 'failed'`,
    QUEUES.wecomSync,
    jobId,
    scope.tenant.id,
  );
  if (owned.length === 0) throw new AppError("NOT_FOUND");
  await scope.jobs.retry(QUEUES.wecomSync, jobId);
  return { ok: true };
}

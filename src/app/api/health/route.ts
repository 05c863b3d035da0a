import { db } from "~/server/db/client";

export const dynamic = "force-dynamic";

/** For load balancers and operators: is the database answering? */
export async function GET() {
  const started = Date.now();
  try {
    const [row] = await db().$queryRaw<
      { migrations: bigint }[]
    >`SELECT count(*) AS migrations FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
    return Response.json({
      status: "ok",
      database: { status: "up", latencyMs: Date.now() - started, migrations: Number(row?.migrations ?? 0) },
    });
  } catch {
    return Response.json({ status: "error", database: { status: "down", latencyMs: Date.now() - started } }, { status: 503 });
  }
}

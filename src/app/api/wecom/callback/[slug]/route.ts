// WeCom's callback URL for one school: /api/wecom/callback/{slug}. WeCom's
// console takes any URL, so the school is named in the path and proven by the
// message's signature with that school's Token.
import { encryptionKey } from "~/server/crypto/keys";
import { db } from "~/server/db/client";
import { handleWecomCallback, MAX_CALLBACK_BYTES } from "~/server/wecom/callbacks";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

async function respond(request: Request, context: Context, body: string | null): Promise<Response> {
  const { slug } = await context.params;
  const tenant = await db().tenant.findUnique({ where: { slug }, select: { id: true, status: true } });
  if (!tenant || tenant.status !== "ACTIVE") return new Response("unknown school", { status: 404 });
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const outcome = await handleWecomCallback(db(), tenant.id, encryptionKey(), { query, body });
  return new Response(outcome.body, { status: outcome.status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

export function GET(request: Request, context: Context) {
  return respond(request, context, null);
}

export async function POST(request: Request, context: Context) {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_CALLBACK_BYTES) return new Response("too large", { status: 413 });
  return respond(request, context, await request.text());
}

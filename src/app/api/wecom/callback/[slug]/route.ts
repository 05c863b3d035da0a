// WeCom's callback URL for one school: /api/wecom/callback/{slug}. WeCom's
// console takes any URL, so the school is named in the path and proven by the
// message's signature with that school's Token. The school and its callback
// keys are looked up before the body is read, and the body is read through a
// cap (security review M5).
import { encryptionKey } from "~/server/crypto/keys";
import { db } from "~/server/db/client";
import { AppError } from "~/server/errors";
import { readBodyCapped } from "~/server/http/read-body";
import { jobQueue } from "~/server/jobs/app-queue";
import { handleWecomCallback, loadCallbackReceiver, MAX_CALLBACK_BYTES } from "~/server/wecom/callbacks";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

async function respond(request: Request, context: Context, method: "GET" | "POST"): Promise<Response> {
  const { slug } = await context.params;
  const receiver = await loadCallbackReceiver(db(), slug, encryptionKey());
  if (receiver === "unknown") return text("unknown school", 404);
  if (receiver === "unconfigured") return text("callback not configured", 404);
  let body: string | null = null;
  if (method === "POST") {
    try {
      body = await readBodyCapped(request, MAX_CALLBACK_BYTES);
    } catch (error) {
      if (error instanceof AppError && error.code === "PAYLOAD_TOO_LARGE") return text("too large", 413);
      throw error;
    }
  }
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const outcome = await handleWecomCallback(db(), jobQueue(), receiver.tenantId, receiver.keys, { query, body });
  return text(outcome.body, outcome.status);
}

export function GET(request: Request, context: Context) {
  return respond(request, context, "GET");
}

export function POST(request: Request, context: Context) {
  return respond(request, context, "POST");
}

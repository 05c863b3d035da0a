// WeCom's callback URL for one school: /api/wecom/callback/{slug}. WeCom's
// console takes any URL, so the school is named in the path and proven by the
// message's signature with that school's Token. The school and its callback
// keys are looked up before the body is read, and the body is read through a
// cap (security review M5). WeCom's servers call it: no Origin, no session.
import { AppError } from "~/server/errors";
import { plainText } from "~/server/http/answers";
import { readBodyCapped } from "~/server/http/read-body";
import { schoolOfPathRoute } from "~/server/http/route-scope";
import { applyWecomCallback, loadCallbackReceiver, MAX_CALLBACK_BYTES, openWecomCallback, WECOM_CALLBACK } from "~/server/wecom/callbacks";

export const dynamic = "force-dynamic";

function callbackRoute(method: "GET" | "POST") {
  const options = { component: "wecom-callback", caller: "server", refusal: "text" } as const;
  return schoolOfPathRoute<{ slug: string }>(WECOM_CALLBACK, options, async ({ request, params, prisma, schoolScope }) => {
    const receiver = await loadCallbackReceiver(prisma, params.slug);
    if (receiver === "unknown") throw new AppError("TENANT_UNAVAILABLE");
    if (receiver === "unconfigured") return plainText("callback not configured", 404);
    const body = method === "POST" ? await readBodyCapped(request, MAX_CALLBACK_BYTES) : null;
    const opened = openWecomCallback(receiver.keys, { query: Object.fromEntries(new URL(request.url).searchParams), body });
    const outcome = "event" in opened ? await applyWecomCallback(await schoolScope(receiver.tenantId), opened.event) : opened;
    return plainText(outcome.body, outcome.status);
  });
}

export const GET = callbackRoute("GET");
export const POST = callbackRoute("POST");

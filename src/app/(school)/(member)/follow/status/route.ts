import { memberRoute } from "~/server/http/route-scope";
import { journeyState } from "~/server/journey/journey-state";

export const dynamic = "force-dynamic";

/** The follow page's poll: the member's step, so the page moves on by itself when the sync or the follow lands. */
export const GET = memberRoute({ component: "follow-status" }, async ({ scope }) => {
  const { step } = await journeyState(scope);
  return Response.json({ step }, { headers: { "cache-control": "no-store" } });
});

import { ERROR_CATALOG, toAppError } from "~/server/errors";
import { serverApi } from "~/server/request";

export const dynamic = "force-dynamic";

/** The follow page's poll: the member's step, so the page moves on by itself when the sync or the follow lands. */
export async function GET() {
  try {
    const { step } = await (await serverApi()).me.journey.state();
    return Response.json({ step }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return Response.json({ step: null }, { status: ERROR_CATALOG[toAppError(error).code].http, headers: { "cache-control": "no-store" } });
  }
}

// POST /me/troubleshoot/act — 自助排查's buttons (me/troubleshoot/page.tsx): 【重新发送邀请】,
// 【重新写入企业微信】 and 【提交给运维老师】, as plain form posts, so they work in WeChat's in-app
// browser with the page's scripts blocked. Same-origin only (memberRoute). Every answer is a 303 back
// to the page, which says what happened (?done=) or why not (?error=).
import { z } from "zod";
import { AppError, toAppError } from "~/server/errors";
import { redirectTo } from "~/server/http/answers";
import { readFormCapped } from "~/server/http/read-body";
import { refusalQuery } from "~/server/http/refusal-query";
import { memberRoute } from "~/server/http/route-scope";
import { SEEN } from "~/server/troubleshoot/diagnosis";
import { sendTroubleshootCase, troubleshootResendInvitation, troubleshootRerunSync } from "~/server/troubleshoot/troubleshoot";

export const dynamic = "force-dynamic";

const actInput = z.object({
  action: z.enum(["resendInvitation", "rerunSync", "helpdesk"]),
  seen: z.enum(SEEN).optional(),
  note: z.string().max(500).optional(),
});

/** What the member's own fixes answer when there is nothing to do, in the member's words (the catalogue's are the admin's). */
const NOTICE_OF: Partial<Record<string, string>> = {
  FIX_INVITE_RECENT: "inviteRecent",
  FIX_INVITE_ALREADY_ACTIVATED: "invited",
  FIX_RESYNC_PENDING: "syncPending",
};

const back = (query: Record<string, string>, seen?: string) =>
  redirectTo(`/me/troubleshoot?${new URLSearchParams({ ...(seen ? { seen } : {}), ...query }).toString()}`);

export const POST = memberRoute(
  {
    component: "troubleshoot",
    refusal: (error) => redirectTo(error.code === "UNAUTHENTICATED" ? "/login" : `/me/troubleshoot?${refusalQuery(error).toString()}`),
  },
  async ({ request, scope }) => {
    const parsed = actInput.safeParse(await readFormCapped(request, 4096));
    if (!parsed.success) throw new AppError("INVALID_INPUT");
    const { action, seen, note } = parsed.data;
    try {
      if (action === "helpdesk") {
        const sent = await sendTroubleshootCase(scope, { seen: seen ?? null, note: note ?? "" });
        return back({ done: sent.status }, seen);
      }
      if (action === "resendInvitation") await troubleshootResendInvitation(scope);
      else await troubleshootRerunSync(scope);
      return back({ done: action === "resendInvitation" ? "invited" : "resynced" }, seen);
    } catch (error) {
      const notice = NOTICE_OF[toAppError(error).code];
      if (notice) return back({ done: notice }, seen);
      throw error;
    }
  },
);

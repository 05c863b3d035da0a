// POST /me/unbind/confirm — 个人中心's 【确认解绑】 (me/unbind/page.tsx): a plain HTML form post, so it
// works in WeChat's in-app browser before (or without) the page's scripts. Same-origin only
// (memberRoute refuses another site's post first): a page elsewhere must not unbind our members.
// The member's sessions end with it (bindings/unbind-wechat.ts), this browser's cookie too, and the
// next 统一身份认证 asks the school for credentials again (renew), so whoever scans next, with this
// WeChat or another, starts at sign-in as themselves. Every answer is a 303 to the next page.
import { clearSessionCookie } from "~/server/auth/issue-session";
import { unbindWechat } from "~/server/bindings/unbind-wechat";
import { redirectTo } from "~/server/http/answers";
import { readFormCapped } from "~/server/http/read-body";
import { memberRoute } from "~/server/http/route-scope";
import { renewCookie } from "~/server/identity/login-state";

export const dynamic = "force-dynamic";

export const POST = memberRoute(
  {
    component: "unbind-wechat",
    refusal: (error) => redirectTo(error.code === "UNAUTHENTICATED" ? "/login" : `/me/unbind?error=${error.code}`),
  },
  async ({ request, scope }) => {
    // The form carries nothing but the tap; a body past this is not our page's.
    await readFormCapped(request, 1024);
    await unbindWechat(scope);
    return redirectTo("/unbound", [clearSessionCookie(), renewCookie(true)]);
  },
);

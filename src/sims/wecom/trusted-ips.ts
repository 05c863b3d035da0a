// 企业可信IP (reference §0, §7.5; ERR 60020): since 2022-06-20 a self-built app, and the
// contact-sync assistant, answers every business call from an IP outside its trusted IPs with
// 60020. The admin console takes a trusted IP only once the app has a trusted domain or a callback
// URL (「请先配置可信域名或设置接收消息服务器URL」), and a new list takes effect about a minute later.
// gettoken itself is never IP-restricted.
import { type Sim, simNow } from "./context";
import { checkTrustedIpPrerequisite, requireApp } from "./corps";
import { wecomError } from "./errors";
import type { App, Corp, PendingIps } from "./state";
import type { Caller } from "./tokens";

type Holder = { list: string[]; pending: PendingIps | null; commit: (ips: string[]) => void };

function holderOf(corp: Corp, app: App | null): Holder {
  if (app) {
    return {
      list: app.trustedIps,
      pending: app.trustedIpsPending,
      commit: (ips) => {
        app.trustedIps = ips;
        app.trustedIpsPending = null;
      },
    };
  }
  return {
    list: corp.contactTrustedIps,
    pending: corp.contactTrustedIpsPending,
    commit: (ips) => {
      corp.contactTrustedIps = ips;
      corp.contactTrustedIpsPending = null;
    },
  };
}

/** The list in force now: a pending list whose time has come replaces the old one. */
function trustedIpsNow(sim: Sim, corp: Corp, app: App | null): string[] {
  const holder = holderOf(corp, app);
  if (holder.pending && holder.pending.effectiveAt <= simNow(sim)) {
    holder.commit(holder.pending.ips);
    return holder.pending.ips;
  }
  return holder.list;
}

/** 60020 for a caller whose IP the token's app (or the contact-sync assistant) does not trust. */
export function checkCallerIp(sim: Sim, caller: Caller, ip: string): void {
  const restricted = caller.app ? !caller.app.legacy : caller.corp.contactIpRestricted;
  if (!restricted) return;
  if (!trustedIpsNow(sim, caller.corp, caller.app).includes(ip)) throw wecomError(60020, `${ip} is not in the trusted IPs (企业可信IP)`);
}

/** What the console's 企业可信IP page does: the new list takes effect trustedIpApplySeconds later. */
export function setTrustedIps(sim: Sim, corp: Corp, agent: string, ips: string[]): PendingIps {
  const app = agent === "contacts" ? null : requireApp(corp, agent);
  if (app) checkTrustedIpPrerequisite(app, ips, 409);
  trustedIpsNow(sim, corp, app);
  const pending: PendingIps = { ips: [...new Set(ips)], effectiveAt: simNow(sim) + sim.limits.trustedIpApplySeconds * 1000 };
  if (app) app.trustedIpsPending = pending;
  else corp.contactTrustedIpsPending = pending;
  // With no delay the list applies at once, as a later call would find it anyway.
  trustedIpsNow(sim, corp, app);
  return pending;
}

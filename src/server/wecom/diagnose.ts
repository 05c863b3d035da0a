// 【测试连接】 as a diagnosis: each thing the platform needs from a school's WeCom,
// checked with as few calls as tell it apart, and for each failure what the
// school's admin does in WeCom's admin console (reference §7.5: 企业可信IP and its
// prerequisite, contact sync off vs read-only, the app's visible range; §8 codes).
// WeCom's own errmsg is never shown: only the IP it says it saw, extracted with a
// strict pattern and validated as an address.
import { checklist, type Check, type Checklist, type CheckStatus } from "~/server/checks/check";
import { AppError } from "~/server/errors";
import { format, pick, type Bilingual, type Locale } from "~/i18n/locale";
import { bilingualOf } from "~/i18n/messages";
import type { diagnosis } from "~/i18n/messages/diagnosis";
import type { TenantScope } from "~/server/scope";
import type { WecomClient } from "./client";
import { wecomClientFor } from "./client-for";
import { normaliseIp, wecomEgressIps } from "./egress-ips";
import { isWecomError, WecomApiError, WecomAuthPausedError, WecomBaseUrlError, WecomNotConfiguredError } from "./errors";
import { ROOT_DEPARTMENT_ID } from "./sync";
import type { SecretKind } from "./token-store";

export const CHECK_IDS = ["settings", "appSecret", "app", "visibleRange", "contactSecret", "contactAccess", "contactWrite"] as const;
export type CheckId = (typeof CHECK_IDS)[number];
export type DiagnosisCheck = Check<CheckId>;
export type Diagnosis = Checklist<CheckId>;

type Draft = { id: CheckId; status: CheckStatus; detail: Bilingual; steps: Bilingual[] };

const TITLES = Object.fromEntries(CHECK_IDS.map((id) => [id, bilingualOf(`diagnosis.title.${id}`)])) as Record<CheckId, Bilingual>;

type DiagnosisKey = keyof typeof diagnosis;
/** A text of the diagnosis (src/i18n/messages/diagnosis.ts) in both languages: which one is said is chosen at the end. */
const say = (key: DiagnosisKey): Bilingual => bilingualOf(`diagnosis.${key}`);
/** Fills {name} in each language; a bilingual value gives each language its own words. */
const fill = (text: Bilingual, vars: Record<string, string | number | Bilingual>): Bilingual => {
  const each = (lang: keyof Bilingual) =>
    Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === "object" ? v[lang] : v]));
  return { zh: format(text.zh, each("zh")), en: format(text.en, each("en")) };
};
const errorText = (error: { messageIn(locale: Locale): string }): Bilingual => ({
  zh: error.messageIn("zh-CN"),
  en: error.messageIn("en"),
});

const AGAIN = say("again");
const AFTER_A_MINUTE = say("afterAMinute");

/** ", from ip: 203.0.113.7, more info at …" in WeCom's errmsg: the caller's address as WeCom saw it. */
const FROM_IP = /, from ip: ([0-9A-Fa-f.:]{2,45}), more info at /;

export function ipWecomSaw(errmsg: string): string | null {
  const match = FROM_IP.exec(errmsg);
  return match?.[1] ? normaliseIp(match[1]) : null;
}

/** What to add as 企业可信IP under `where`, and the address WeCom saw. */
function trustedIpSteps(where: Bilingual, error: WecomApiError): { detail: Bilingual; steps: Bilingual[] } {
  const ips = wecomEgressIps();
  const seen = ipWecomSaw(error.errmsg);
  const addIps = ips ? fill(say("addEgressIps"), { where, ips: ips.join("; ") }) : fill(say("egressIpsUnknown"), { where });
  const parts = [say("ipRefused")];
  if (seen) parts.push(fill(say("ipSeen"), { seen }));
  if (seen && ips && !ips.includes(seen)) {
    parts.push(say("ipNotOurs"));
  }
  const detail = { zh: parts.map((p) => p.zh).join(""), en: parts.map((p) => p.en).join(" ") };
  return { detail, steps: [addIps, AFTER_A_MINUTE] };
}

/** gettoken refused a secret (or refused it earlier: the school is paused and nothing is sent). */
function secretRefused(kind: SecretKind, error: unknown): { detail: Bilingual; steps: Bilingual[] } {
  const errcode = error instanceof WecomAuthPausedError || error instanceof WecomApiError ? error.errcode : null;
  const detail = isWecomError(error) ? errorText(error) : errorText(new AppError("INTERNAL"));
  const steps: Bilingual[] = [];
  if (errcode === 40013) steps.push(say("whereCorpId"));
  if (errcode === 40001 || errcode === 40091) {
    steps.push(kind === "app" ? say("whereAppSecret") : say("whereContactSecret"));
  }
  if (steps.length > 0) steps.push(say("enterAndSave"));
  return { detail, steps };
}

/**
 * Runs the checks in order and stops at the first refused secret (a refused
 * secret pauses the school; asking again would get the platform's IP blocked).
 * What could not be checked is "skipped", saying why.
 */
async function runChecks(scope: TenantScope): Promise<Draft[]> {
  const drafts: Draft[] = [];
  const add = (id: CheckId, status: CheckStatus, detail: Bilingual, steps: Bilingual[] = []) => drafts.push({ id, status, detail, steps });
  const skipRest = (detail: Bilingual) => {
    for (const id of CHECK_IDS) if (!drafts.some((d) => d.id === id)) add(id, "skipped", detail);
    return drafts;
  };
  const notChecked = say("notChecked");

  const connection = await scope.db.wecomConnection.findUnique({
    where: { tenantId: scope.tenant.id },
    select: { corpId: true, agentId: true, appSecretEnc: true, contactSecretEnc: true, assistantAppName: true },
  });
  const missing = [
    !connection?.corpId && "CorpID",
    (connection?.agentId ?? null) === null && "AgentID",
    !connection?.appSecretEnc && say("appSecretName"),
  ].filter((m) => m !== false);
  const where = say("whereEverything");
  if (!connection || missing.length > 0) {
    const names = {
      zh: missing.map((m) => (typeof m === "string" ? m : m.zh)).join("、"),
      en: missing.map((m) => (typeof m === "string" ? m : m.en)).join(", "),
    };
    add("settings", "failed", fill(say("settingsIncomplete"), { missing: names }), [say("fillInAndSave"), where]);
    return skipRest(notChecked);
  }
  const hasContactSecret = (connection?.contactSecretEnc ?? null) !== null;
  if (hasContactSecret) {
    add("settings", "passed", say("settingsComplete"));
  } else {
    add("settings", "warning", say("noContactSecret"), [say("whereContactSecretToEnter")]);
  }

  let client: WecomClient;
  try {
    // Fail fast: an admin is waiting on the page.
    client = await wecomClientFor(scope, { retry: { attempts: 1, baseDelayMs: 0, timeoutMs: 5_000 } });
  } catch (error) {
    if (error instanceof WecomAuthPausedError) {
      // Answered from memory: nothing is sent while a refused secret pauses the school.
      const kind = error.failure.startsWith("contact:") ? "contact" : "app";
      const refused = secretRefused(kind, error);
      add(kind === "contact" ? "contactSecret" : "appSecret", "failed", refused.detail, refused.steps);
      return skipRest(say("pausedNotChecked"));
    }
    if (error instanceof WecomBaseUrlError || error instanceof WecomNotConfiguredError) {
      drafts.splice(0, drafts.length);
      add("settings", "failed", errorText(error));
      return skipRest(notChecked);
    }
    throw error;
  }

  try {
    await client.checkToken("app");
    add("appSecret", "passed", say("appSecretAccepted"));
  } catch (error) {
    const refused = secretRefused("app", error);
    add("appSecret", "failed", refused.detail, refused.steps);
    return skipRest(notChecked);
  }

  const appName = fill(say("appPath"), { name: connection.assistantAppName });
  try {
    const agent = await client.getAgent();
    if (agent.closed) {
      add("app", "failed", fill(say("appClosed"), { name: agent.name }), [fill(say("switchAppOn"), { app: appName }), AGAIN]);
    } else {
      add("app", "passed", fill(say("appReachable"), { name: agent.name, agentid: agent.agentid }));
    }
    if (agent.visibleDepartments.includes(ROOT_DEPARTMENT_ID)) {
      add("visibleRange", "passed", say("visibleRangeRoot"));
    } else {
      add("visibleRange", "failed", say("visibleRangeMissing"), [fill(say("addRootDepartment"), { app: appName }), AGAIN]);
    }
  } catch (error) {
    if (!(error instanceof WecomApiError))
      add("app", "failed", isWecomError(error) ? errorText(error) : errorText(new AppError("INTERNAL")));
    else if (error.errcode === 60020) {
      const { detail, steps } = trustedIpSteps(appName, error);
      add("app", "failed", detail, [fill(say("trustedIpPrerequisite"), { app: appName }), ...steps]);
    } else if (error.errcode === 301002 || error.errcode === 40056) {
      add("app", "failed", say("agentMismatch"), [fill(say("checkAgentId"), { app: appName }), AGAIN]);
    } else if (error.errcode === 48002) {
      add("app", "failed", say("notAppSecret"), [fill(say("lookUpAppSecret"), { app: appName })]);
    } else {
      add("app", "failed", errorText(error));
    }
  }
  if (!drafts.some((d) => d.id === "visibleRange")) add("visibleRange", "skipped", say("appFirst"));

  if (!hasContactSecret) return skipRest(say("noContactSecretNotChecked"));
  try {
    await client.checkToken("contact");
    add("contactSecret", "passed", say("contactSecretAccepted"));
  } catch (error) {
    const refused = secretRefused("contact", error);
    add("contactSecret", "failed", refused.detail, refused.steps);
    return skipRest(notChecked);
  }

  const contactSync = say("contactSyncPath");
  try {
    await client.listUserIds({ limit: 1 });
    add("contactAccess", "passed", say("contactAccessOn"));
  } catch (error) {
    if (error instanceof WecomApiError && error.errcode === 60020) {
      const { detail, steps } = trustedIpSteps(contactSync, error);
      add("contactAccess", "failed", detail, steps);
    } else if (error instanceof WecomApiError && error.errcode === 48002) {
      add("contactAccess", "failed", say("contactAccessOff"), [say("turnOnContactApi"), AGAIN]);
    } else {
      add("contactAccess", "failed", isWecomError(error) ? errorText(error) : errorText(new AppError("INTERNAL")));
    }
    return skipRest(notChecked);
  }

  try {
    await client.probeContactWrite();
    add("contactWrite", "passed", say("contactWriteOn"));
  } catch (error) {
    if (error instanceof WecomApiError && error.errcode === 48002) {
      add("contactWrite", "failed", say("contactReadOnly"), [say("makeContactWritable"), AGAIN]);
    } else {
      add("contactWrite", "failed", isWecomError(error) ? errorText(error) : errorText(new AppError("INTERNAL")));
    }
  }
  return drafts;
}

/** The checklist in the admin's language (the scope's); `ok` only when every check passed. */
export async function diagnoseWecomConnection(scope: TenantScope): Promise<Diagnosis & { secretsAccepted: boolean }> {
  const locale = scope.locale;
  const drafts = await runChecks(scope);
  const checks: DiagnosisCheck[] = CHECK_IDS.map((id) => drafts.find((d) => d.id === id)!).map((d) => ({
    id: d.id,
    status: d.status,
    title: pick(locale, TITLES[d.id]),
    detail: pick(locale, d.detail),
    steps: d.steps.map((step) => pick(locale, step)),
  }));
  const allClear = pick(locale, say("allClear"));
  // Both secrets accepted and nothing failed: what a refused secret paused may run again.
  return { ...checklist(checks, { allClear, warnings: "matter", locale }), secretsAccepted: !checks.some((c) => c.status === "failed") };
}

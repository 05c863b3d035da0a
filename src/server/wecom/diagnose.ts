// 【测试连接】 as a diagnosis: each thing the platform needs from a school's WeCom,
// checked with as few calls as tell it apart, and for each failure what the
// school's admin does in WeCom's admin console (reference §7.5: 企业可信IP and its
// prerequisite, contact sync off vs read-only, the app's visible range; §8 codes).
// WeCom's own errmsg is never shown: only the IP it says it saw, extracted with a
// strict pattern and validated as an address.
import { AppError } from "~/server/errors";
import { format, pick, type Bilingual, type Locale } from "~/i18n/locale";
import type { TenantScope } from "~/server/scope";
import type { WecomClient } from "./client";
import { wecomClientFor } from "./client-for";
import { normaliseIp, wecomEgressIps } from "./egress-ips";
import { isWecomError, WecomApiError, WecomAuthPausedError, WecomBaseUrlError, WecomNotConfiguredError } from "./errors";
import { ROOT_DEPARTMENT_ID } from "./sync";
import type { SecretKind } from "./token-store";

export const CHECK_IDS = ["settings", "appSecret", "app", "visibleRange", "contactSecret", "contactAccess", "contactWrite"] as const;
export type CheckId = (typeof CHECK_IDS)[number];
export type CheckStatus = "passed" | "warning" | "failed" | "skipped";
export type DiagnosisCheck = { id: CheckId; status: CheckStatus; title: string; detail: string; steps: string[] };
export type Diagnosis = { ok: boolean; message: string; checks: DiagnosisCheck[] };

type Draft = { id: CheckId; status: CheckStatus; detail: Bilingual; steps: Bilingual[] };

const TITLES: Record<CheckId, Bilingual> = {
  settings: { zh: "连接设置", en: "Connection settings" },
  appSecret: { zh: "CorpID 与应用 Secret", en: "Corp ID and app secret" },
  app: { zh: "小助手应用", en: "Assistant app" },
  visibleRange: { zh: "应用可见范围", en: "App's visible range" },
  contactSecret: { zh: "通讯录同步 Secret", en: "Contact-sync secret" },
  contactAccess: { zh: "通讯录同步：API 接口同步与企业可信IP", en: "Contact sync: API access and trusted IPs" },
  contactWrite: { zh: "通讯录同步：编辑通讯录权限", en: "Contact sync: permission to edit the directory" },
};

const t = (zh: string, en: string): Bilingual => ({ zh, en });
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

const AGAIN = t("完成后再点【测试连接】。", "Then press Test connection again.");
const AFTER_A_MINUTE = t(
  "保存后约 1 分钟生效，之后再点【测试连接】。",
  "It takes about a minute to apply; then press Test connection again.",
);

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
  const addIps = ips
    ? fill(
        t(
          "在 {where} 的“企业可信IP”中添加本平台的出口 IP：{ips}（可整行粘贴，多个 IP 以分号分隔）。",
          "Under {where}, add the platform's egress IPs as trusted IPs (企业可信IP): {ips} (paste the line as it is; WeCom separates IPs with semicolons).",
        ),
        { where, ips: ips.join("; ") },
      )
    : fill(
        t(
          "平台运营方尚未配置本平台的出口 IP（WECOM_EGRESS_IPS）：请联系平台运营方获取后，添加到 {where} 的“企业可信IP”中。",
          "The platform's operator has not configured the platform's egress IPs (WECOM_EGRESS_IPS): ask the operator for them, then add them under {where} as trusted IPs (企业可信IP).",
        ),
        { where },
      );
  const parts = [
    t(
      "企业微信拒绝了来自本平台服务器的调用（60020）：调用方 IP 不在企业可信IP 中。",
      "WeCom refused the platform's calls (60020): the caller's IP is not a trusted IP.",
    ),
  ];
  if (seen) parts.push(fill(t("企业微信看到的来源 IP 为 {seen}。", "WeCom saw the call come from {seen}."), { seen }));
  if (seen && ips && !ips.includes(seen)) {
    parts.push(
      t(
        "该 IP 不在平台配置的出口 IP 中，请同时告知平台运营方。",
        "That IP is not among the platform's configured egress IPs: tell the platform's operator too.",
      ),
    );
  }
  const detail = { zh: parts.map((p) => p.zh).join(""), en: parts.map((p) => p.en).join(" ") };
  return { detail, steps: [addIps, AFTER_A_MINUTE] };
}

/** gettoken refused a secret (or refused it earlier: the school is paused and nothing is sent). */
function secretRefused(kind: SecretKind, error: unknown): { detail: Bilingual; steps: Bilingual[] } {
  const errcode = error instanceof WecomAuthPausedError || error instanceof WecomApiError ? error.errcode : null;
  const detail = isWecomError(error) ? errorText(error) : errorText(new AppError("INTERNAL"));
  const steps: Bilingual[] = [];
  if (errcode === 40013)
    steps.push(
      t(
        "CorpID：企业微信管理后台 → 我的企业 → 企业信息 → 页面底部的“企业ID”。",
        "Corp ID: WeCom admin console → My Company → Company Information → “Corp ID” at the bottom of the page.",
      ),
    );
  if (errcode === 40001 || errcode === 40091) {
    steps.push(
      kind === "app"
        ? t(
            "应用 Secret：企业微信管理后台 → 应用管理 → 小助手应用 → Secret【查看】（发送到管理员的企业微信上）。",
            "App secret: WeCom admin console → App Management → the assistant app → Secret, View (it is sent to the admin's WeCom).",
          )
        : t(
            "通讯录同步 Secret：企业微信管理后台 → 管理工具 → 通讯录同步 → Secret【查看】。",
            "Contact-sync secret: WeCom admin console → Management Tools → Contact Sync → Secret, View.",
          ),
    );
  }
  if (steps.length > 0)
    steps.push(
      t(
        "填入【企业微信连接】并保存（保存后暂停的同步会自动恢复），再点【测试连接】。",
        "Enter it under WeCom connection and save (paused sync resumes when you save), then press Test connection again.",
      ),
    );
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
  const notChecked = t("未检查：请先解决上面的问题。", "Not checked: fix the problem above first.");

  const connection = await scope.db.wecomConnection.findUnique({
    where: { tenantId: scope.tenant.id },
    select: { corpId: true, agentId: true, appSecretEnc: true, contactSecretEnc: true, assistantAppName: true },
  });
  const missing = [
    !connection?.corpId && "CorpID",
    (connection?.agentId ?? null) === null && "AgentID",
    !connection?.appSecretEnc && t("应用 Secret", "app secret"),
  ].filter((m) => m !== false);
  const where = t(
    "CorpID 在“我的企业 → 企业信息”页面底部；AgentID 与应用 Secret 在“应用管理 → 小助手应用”；通讯录同步 Secret 在“管理工具 → 通讯录同步”。",
    "The corp ID is at the bottom of My Company → Company Information; the AgentID and app secret under App Management → the assistant app; the contact-sync secret under Management Tools → Contact Sync.",
  );
  if (!connection || missing.length > 0) {
    const names = {
      zh: missing.map((m) => (typeof m === "string" ? m : m.zh)).join("、"),
      en: missing.map((m) => (typeof m === "string" ? m : m.en)).join(", "),
    };
    add(
      "settings",
      "failed",
      fill(t("连接设置不完整，缺少：{missing}。", "The connection settings are incomplete: {missing} missing."), { missing: names }),
      [t("在【企业微信连接】中填写后保存。", "Fill them in under WeCom connection and save."), where],
    );
    return skipRest(notChecked);
  }
  const hasContactSecret = (connection?.contactSecretEnc ?? null) !== null;
  if (hasContactSecret) {
    add(
      "settings",
      "passed",
      t(
        "CorpID、AgentID、应用 Secret 与通讯录同步 Secret 均已填写。",
        "The corp ID, AgentID, app secret and contact-sync secret are all filled in.",
      ),
    );
  } else {
    add(
      "settings",
      "warning",
      t(
        "未填写通讯录同步 Secret：没有它，本平台无法在企业微信中创建、修改或删除成员。",
        "No contact-sync secret: without it the platform cannot create, change or remove members in WeCom.",
      ),
      [
        t(
          "在企业微信管理后台 → 管理工具 → 通讯录同步中查看 Secret，填入【企业微信连接】并保存。",
          "Look up the secret under Management Tools → Contact Sync in WeCom's admin console, enter it under WeCom connection and save.",
        ),
      ],
    );
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
      return skipRest(
        t(
          "未检查：企业微信同步已暂停，修正设置并保存后再测试。",
          "Not checked: WeCom sync is paused; correct the settings, save, then test again.",
        ),
      );
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
    add("appSecret", "passed", t("企业微信接受了 CorpID 与应用 Secret。", "WeCom accepted the corp ID and the app secret."));
  } catch (error) {
    const refused = secretRefused("app", error);
    add("appSecret", "failed", refused.detail, refused.steps);
    return skipRest(notChecked);
  }

  const appName = t(`应用管理 → ${connection.assistantAppName}`, `App Management → ${connection.assistantAppName}`);
  try {
    const agent = await client.getAgent();
    if (agent.closed) {
      add(
        "app",
        "failed",
        fill(
          t(
            "应用「{name}」已停用：成员无法打开它，也收不到它的消息。",
            "The app “{name}” is switched off: members can neither open it nor get its messages.",
          ),
          { name: agent.name },
        ),
        [
          fill(t("在企业微信管理后台 → {app} 中启用该应用。", "Switch it on under {app} in WeCom's admin console."), { app: appName }),
          AGAIN,
        ],
      );
    } else {
      add(
        "app",
        "passed",
        fill(
          t(
            "本平台可以调用应用「{name}」（AgentID {agentid}），应用已启用。",
            "The platform can call the app “{name}” (AgentID {agentid}); it is switched on.",
          ),
          { name: agent.name, agentid: agent.agentid },
        ),
      );
    }
    if (agent.visibleDepartments.includes(ROOT_DEPARTMENT_ID)) {
      add(
        "visibleRange",
        "passed",
        t(
          "可见范围包含学校的根部门：应用能看到并通知本平台创建的成员。",
          "The visible range includes the school's root department: the app can see and message the members the platform creates.",
        ),
      );
    } else {
      add(
        "visibleRange",
        "failed",
        t(
          "应用的可见范围不包含学校的根部门：本平台把成员建在根部门，应用看不到他们，也无法给他们发消息（60011）。",
          "The app's visible range does not include the school's root department: the platform creates members there, so the app can neither see nor message them (60011).",
        ),
        [
          fill(
            t(
              "在企业微信管理后台 → {app} → 可见范围中添加学校的根部门（最上面一级，即企业名称）。",
              "Under {app} → Visible range in WeCom's admin console, add the school's root department (the top level, the corp's name).",
            ),
            { app: appName },
          ),
          AGAIN,
        ],
      );
    }
  } catch (error) {
    if (!(error instanceof WecomApiError))
      add("app", "failed", isWecomError(error) ? errorText(error) : errorText(new AppError("INTERNAL")));
    else if (error.errcode === 60020) {
      const { detail, steps } = trustedIpSteps(appName, error);
      add("app", "failed", detail, [
        fill(
          t(
            "先在 {app} → 开发者接口中设置“网页授权及JS-SDK”的可信域名，或在“接收消息”中设置 API 接收消息的 URL：企业微信要求先完成其一，才允许设置企业可信IP。",
            "First, under {app} → Developer interface, set a trusted domain (网页授权及JS-SDK) or the URL that receives messages (接收消息): WeCom accepts trusted IPs only once one of them is set.",
          ),
          { app: appName },
        ),
        ...steps,
      ]);
    } else if (error.errcode === 301002 || error.errcode === 40056) {
      add("app", "failed", t("AgentID 与应用 Secret 不属于同一个应用。", "The AgentID and the app secret belong to different apps."), [
        fill(
          t(
            "在 {app} 中核对 AgentId，并确认应用 Secret 是这个应用的，填入【企业微信连接】并保存。",
            "Check the AgentId under {app}, make sure the app secret is this app's, enter them under WeCom connection and save.",
          ),
          { app: appName },
        ),
        AGAIN,
      ]);
    } else if (error.errcode === 48002) {
      add(
        "app",
        "failed",
        t(
          "“应用 Secret”一栏填的不是应用的 Secret（可能填成了通讯录同步 Secret）。",
          "The app secret field does not hold the app's secret (perhaps the contact-sync secret).",
        ),
        [
          fill(
            t(
              "在 {app} 中查看该应用的 Secret，填入【企业微信连接】的“应用 Secret”并保存。",
              "Look up the app's secret under {app}, enter it as the app secret under WeCom connection and save.",
            ),
            { app: appName },
          ),
        ],
      );
    } else {
      add("app", "failed", errorText(error));
    }
  }
  if (!drafts.some((d) => d.id === "visibleRange"))
    add("visibleRange", "skipped", t("未检查：需要先能调用应用。", "Not checked: the app must be reachable first."));

  if (!hasContactSecret) return skipRest(t("未检查：未填写通讯录同步 Secret。", "Not checked: no contact-sync secret."));
  try {
    await client.checkToken("contact");
    add("contactSecret", "passed", t("企业微信接受了通讯录同步 Secret。", "WeCom accepted the contact-sync secret."));
  } catch (error) {
    const refused = secretRefused("contact", error);
    add("contactSecret", "failed", refused.detail, refused.steps);
    return skipRest(notChecked);
  }

  const contactSync = t("管理工具 → 通讯录同步", "Management Tools → Contact Sync");
  try {
    await client.listUserIds({ limit: 1 });
    add(
      "contactAccess",
      "passed",
      t("通讯录同步的 API 接口同步已开启，本平台的 IP 可以调用。", "Contact sync's API access is on and accepts the platform's IP."),
    );
  } catch (error) {
    if (error instanceof WecomApiError && error.errcode === 60020) {
      const { detail, steps } = trustedIpSteps(contactSync, error);
      add("contactAccess", "failed", detail, steps);
    } else if (error instanceof WecomApiError && error.errcode === 48002) {
      add(
        "contactAccess",
        "failed",
        t(
          "通讯录同步的“API 接口同步”未开启（48002）：本平台无法把成员写入企业微信。",
          "Contact sync's API access is off (48002): the platform cannot write members to WeCom.",
        ),
        [
          t(
            "在企业微信管理后台 → 管理工具 → 通讯录同步中开启“API 接口同步”，权限选择“API 编辑通讯录”。",
            "In WeCom's admin console, under Management Tools → Contact Sync, turn on API sync with the permission to edit the directory (API 编辑通讯录).",
          ),
          AGAIN,
        ],
      );
    } else {
      add("contactAccess", "failed", isWecomError(error) ? errorText(error) : errorText(new AppError("INTERNAL")));
    }
    return skipRest(notChecked);
  }

  try {
    await client.probeContactWrite();
    add(
      "contactWrite",
      "passed",
      t(
        "通讯录同步有编辑通讯录的权限：本平台可以创建、修改和删除成员。",
        "Contact sync may edit the directory: the platform can create, change and remove members.",
      ),
    );
  } catch (error) {
    if (error instanceof WecomApiError && error.errcode === 48002) {
      add(
        "contactWrite",
        "failed",
        t(
          "通讯录同步只有读取权限（48002）：本平台无法创建、修改或删除成员。",
          "Contact sync is read-only (48002): the platform cannot create, change or remove members.",
        ),
        [
          t(
            "在企业微信管理后台 → 管理工具 → 通讯录同步 → 权限中，把“API 读取通讯录”改为“API 编辑通讯录”。",
            "In WeCom's admin console, under Management Tools → Contact Sync → Permission, change “read the directory” to “edit the directory” (API 编辑通讯录).",
          ),
          AGAIN,
        ],
      );
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
  const checks = CHECK_IDS.map((id) => drafts.find((d) => d.id === id)!).map((d) => ({
    id: d.id,
    status: d.status,
    title: pick(locale, TITLES[d.id]),
    detail: pick(locale, d.detail),
    steps: d.steps.map((step) => pick(locale, step)),
  }));
  const ok = checks.every((c) => c.status === "passed");
  const first = checks.find((c) => c.status === "failed") ?? checks.find((c) => c.status === "warning");
  const message = first
    ? `${first.title}${locale === "en" ? ": " : "："}${first.detail}`
    : pick(
        locale,
        t(
          "连接成功：企业微信接受了 CorpID 与 Secret，各项检查均已通过。",
          "Connected: WeCom accepted the corp ID and secrets, and every check passed.",
        ),
      );
  // Both secrets accepted and nothing failed: what a refused secret paused may run again.
  return { ok, message, checks, secretsAccepted: !checks.some((c) => c.status === "failed") };
}

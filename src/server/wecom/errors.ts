// WeCom's error codes (reference §8) as typed errors with messages a school
// admin understands, and how the client treats each: retry, refresh the token,
// or stop because retrying cannot help.
import { format, pick, type Bilingual, type Locale } from "~/i18n/locale";
import { translator } from "~/i18n/messages";

export type WecomErrorKind =
  /** The token is no longer good: fetch a new one and repeat the call once. */
  | "token"
  /** WeCom is busy or limiting us: retry with backoff. */
  | "transient"
  /** The request or the configuration is wrong: retrying cannot fix it. */
  | "permanent";

type Entry = { kind: WecomErrorKind; message: Bilingual };

const permanent = (zh: string, en: string): Entry => ({ kind: "permanent", message: { zh, en } });

export const WECOM_ERRORS: Record<number, Entry> = {
  [-1]: { kind: "transient", message: { zh: "企业微信系统繁忙，稍后会自动重试。", en: "WeCom is busy; the call will be retried." } },
  6000: {
    kind: "transient",
    message: { zh: "企业微信数据版本冲突，稍后会自动重试。", en: "WeCom reported a concurrent change; the call will be retried." },
  },
  40001: permanent(
    "企业微信 Secret 无效：Secret 填错、已被重置，或其应用已停用。请在企业微信管理后台查看正确的 Secret（应用：应用管理 → 该应用 → Secret【查看】；通讯录同步：管理工具 → 通讯录同步 → Secret【查看】），填入【企业微信连接】并保存。",
    "The WeCom secret is invalid: mistyped, reset, or its app is disabled. Look up the right secret in WeCom's admin console (the app's: App Management → the app → Secret, View; contact sync's: Management Tools → Contact Sync → Secret, View), enter it under WeCom connection and save.",
  ),
  40003: permanent("成员账号（UserID）格式不正确或不存在。", "The member's WeCom user ID is malformed or does not exist."),
  40013: permanent(
    "企业 CorpID 无效：请在企业微信管理后台【我的企业 → 企业信息】页面底部复制“企业ID”，填入【企业微信连接】的 CorpID 并保存。",
    "The corp ID is invalid: copy the Corp ID from the bottom of My Company → Company Information in WeCom's admin console into the WeCom connection settings and save.",
  ),
  40014: {
    kind: "token",
    message: { zh: "企业微信凭证已失效，正在重新获取。", en: "The WeCom access token is no longer valid; fetching a new one." },
  },
  40029: permanent("企业微信授权码无效或已过期，请重新打开页面。", "The WeCom sign-in code is invalid or expired: open the page again."),
  40056: permanent(
    "AgentID 无效：企业中没有这个应用。请在企业微信管理后台【应用管理 → 该应用】中核对 AgentId，填入【企业微信连接】。",
    "The agent ID is invalid: the corp has no such app. Check the AgentId under App Management → the app in WeCom's admin console, and enter it under WeCom connection.",
  ),
  40091: permanent(
    "该 Secret 属于其他企业：请核对 CorpID，并从本企业的企业微信管理后台重新复制 Secret。",
    "The secret belongs to another corp: check the corp ID, and copy the secret again from this corp's WeCom admin console.",
  ),
  41001: { kind: "token", message: { zh: "缺少企业微信凭证，正在重新获取。", en: "The WeCom access token was missing; fetching one." } },
  42001: {
    kind: "token",
    message: { zh: "企业微信凭证已过期，正在重新获取。", en: "The WeCom access token expired; fetching a new one." },
  },
  43004: permanent("该成员尚未关注企业号（未绑定微信）。", "The member has not followed the enterprise account yet (no WeChat bound)."),
  45009: {
    kind: "transient",
    message: { zh: "调用企业微信过于频繁，稍后会自动重试。", en: "WeCom's rate limit was hit; the call will be retried later." },
  },
  45024: permanent(
    "企业微信账号数已达上限，请学校在企业微信后台认证或扩容。",
    "The corp has reached its WeCom account cap: the school must verify or expand it in the WeCom console.",
  ),
  46004: permanent(
    "企业通讯录中没有该成员（或该手机号不在通讯录中）。",
    "No such member in the WeCom directory (or the phone is not in it).",
  ),
  48002: permanent(
    "企业微信不允许此 Secret 调用该接口（48002）：多为【通讯录同步】的“API 接口同步”未开启，或权限仅为“API 读取通讯录”。请在管理工具 → 通讯录同步中开启 API 接口同步，权限设为“API 编辑通讯录”，然后【测试连接】。",
    "WeCom does not let this secret call that API (48002): usually Contact Sync's API sync is off, or its permission is read-only. In Management Tools → Contact Sync, turn API sync on with the permission to edit the directory, then test the connection.",
  ),
  48009: permanent(
    "企业微信禁止通讯录同步 Secret 从 2022-08-15 之后添加的 IP 读取成员详情（48009）。本平台不用它读取通讯录；若看到此提示，请联系平台运营方。",
    "WeCom forbids the contact-sync secret from reading members' details from an IP added after 2022-08-15 (48009). The platform does not read the directory with it: if you see this, contact the platform's operator.",
  ),
  50001: permanent(
    "回调页面域名不是应用的可信域名，请在企业微信后台设置可信域名。",
    "The page's domain is not a trusted domain of the app: set it in the WeCom console.",
  ),
  60011: permanent(
    "应用无权查看或操作该成员或部门：成员不在应用的可见范围内。请在企业微信管理后台【应用管理 → 该应用 → 可见范围】中加入学校的根部门，然后【测试连接】。",
    "The app may not see or manage that member or department: it is outside the app's visible range. In WeCom's admin console, add the school's root department under App Management → the app → Visible range, then test the connection.",
  ),
  60020: permanent(
    "企业微信拒绝了本平台服务器 IP 的调用（60020，企业可信IP）：请在【企业微信连接】中点【测试连接】，按提示把平台的出口 IP 加入应用或通讯录同步的“企业可信IP”。",
    "WeCom refused calls from this platform's server IP (60020, trusted IPs): press Test connection under WeCom connection and add the platform's egress IPs to the app's or Contact Sync's trusted IPs as it says.",
  ),
  60102: permanent("企业通讯录中已有该账号（UserID）。", "That user ID already exists in the WeCom directory."),
  60103: permanent("手机号格式不正确。", "The phone number is malformed."),
  60104: permanent(
    "手机号码已存在：该手机号已被企业通讯录中的其他成员使用。",
    "The phone number already exists: another member of the WeCom directory uses it.",
  ),
  60105: permanent("邮箱格式不正确。", "The email address is malformed."),
  60106: permanent("邮箱已被企业通讯录中的其他成员使用。", "Another member of the WeCom directory uses that email address."),
  60111: permanent("企业通讯录中没有该成员。", "No such member in the WeCom directory."),
  60112: permanent("成员姓名不合法（为空或超过 64 个字符）。", "The member's name is empty or longer than 64 characters."),
  60129: permanent("手机号和邮箱不能同时为空。", "Phone and email cannot both be empty."),
  81013: permanent(
    "消息的接收人全部无效或不在应用可见范围内。",
    "Every recipient of the message is invalid or outside the app's visible range.",
  ),
  301002: permanent(
    "AgentID 与应用 Secret 不属于同一个应用：请在【应用管理 → 该应用】中核对 AgentId 与 Secret，填入【企业微信连接】。",
    "The agent ID and the app secret belong to different apps: check the app's AgentId and Secret under App Management → the app, and enter them under WeCom connection.",
  ),
};

// Only our own texts reach an admin: WeCom's errmsg (or whatever answered in its
// place) is never shown, since a wrong base URL could make it say anything.
const UNKNOWN: Bilingual = {
  zh: "企业微信返回错误码 {errcode}，请在企业微信开发者中心的全局错误码中查询该错误码，或联系平台运营方。",
  en: "WeCom answered error code {errcode}: look the code up in WeCom's global error-code list, or contact the platform's operator.",
};

export class WecomApiError extends Error {
  readonly kind: WecomErrorKind;

  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly path: string,
  ) {
    super(`WeCom ${path} → ${errcode} ${errmsg}`);
    this.name = "WecomApiError";
    this.kind = WECOM_ERRORS[errcode]?.kind ?? "permanent";
  }

  messageIn(locale: Locale): string {
    const entry = WECOM_ERRORS[this.errcode];
    return entry ? pick(locale, entry.message) : format(pick(locale, UNKNOWN), { errcode: this.errcode });
  }
}

/** The network failed, timed out or WeCom answered a 5xx: always worth retrying. */
export class WecomTransportError extends Error {
  readonly kind = "transient" as const;

  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`WeCom ${path} unreachable: ${reason}`);
    this.name = "WecomTransportError";
  }

  messageIn(locale: Locale): string {
    return translator(locale)("wecomError.transport");
  }
}

/**
 * WeCom answered errcode 0 in a shape the product does not know (a changed
 * API, or something that is not WeCom): never guessed at, and not retried.
 */
export class WecomResponseError extends Error {
  readonly kind = "permanent" as const;

  constructor(
    readonly path: string,
    /** The fields that did not match, for the log; never shown with WeCom's own text. */
    readonly fields: string[],
  ) {
    super(`WeCom ${path} answered an unexpected shape (${fields.join(", ")})`);
    this.name = "WecomResponseError";
  }

  messageIn(locale: Locale): string {
    return translator(locale)("wecomError.response", { path: this.path });
  }
}

/** The tenant has not filled in its WeCom connection. */
export class WecomNotConfiguredError extends Error {
  readonly kind = "permanent" as const;

  constructor(readonly missing: string[]) {
    super(`WeCom connection incomplete: ${missing.join(", ")}`);
    this.name = "WecomNotConfiguredError";
  }

  messageIn(locale: Locale): string {
    const t = translator(locale);
    return t("wecomError.notConfigured", { missing: this.missing.join(t("wecomError.listSeparator")) });
  }
}

/** gettoken's answers that mean the corp id or a secret is wrong (reference §1): repeating them gets the IP blocked. */
export const CREDENTIAL_ERRCODES: readonly number[] = [40001, 40013, 40091, 41002, 41004];

/**
 * WeCom refused this school's corp id or secret: no gettoken is sent for it and
 * its sync waits until the settings change (or the pause expires), so one school
 * cannot get the platform's address blocked (security review M8).
 */
export class WecomAuthPausedError extends Error {
  readonly kind = "permanent" as const;

  constructor(
    /** e.g. "app:40001": which secret, and WeCom's code. */
    readonly failure: string,
    readonly failedAt: Date,
  ) {
    super(`WeCom credentials refused (${failure}); paused`);
    this.name = "WecomAuthPausedError";
  }

  get errcode(): number {
    return Number(this.failure.split(":")[1]);
  }

  messageIn(locale: Locale): string {
    const cause = new WecomApiError(this.errcode, "", "gettoken").messageIn(locale);
    const t = translator(locale);
    const which = t(this.failure.startsWith("contact:") ? "wecomError.paused.contact" : "wecomError.paused.app");
    return t("wecomError.paused", { cause, which });
  }
}

/** The stored API base URL is not one the platform allows, or it answered with a redirect. */
export class WecomBaseUrlError extends Error {
  readonly kind = "permanent" as const;

  constructor(readonly reason: "notAllowed" | "redirected") {
    super(`WeCom base URL refused: ${reason}`);
    this.name = "WecomBaseUrlError";
  }

  messageIn(locale: Locale): string {
    if (this.reason === "redirected") {
      return translator(locale)("wecomError.redirected");
    }
    return translator(locale)("wecomError.baseUrlNotAllowed");
  }
}

export type WecomError =
  WecomApiError | WecomTransportError | WecomNotConfiguredError | WecomAuthPausedError | WecomBaseUrlError | WecomResponseError;

export function isWecomError(error: unknown): error is WecomError {
  return (
    error instanceof WecomApiError ||
    error instanceof WecomTransportError ||
    error instanceof WecomNotConfiguredError ||
    error instanceof WecomAuthPausedError ||
    error instanceof WecomBaseUrlError ||
    error instanceof WecomResponseError
  );
}

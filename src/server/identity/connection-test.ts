// 【测试连接】 for the school's unified login: what works and what does not, each
// failure with what the school's IT office does about it. Every call goes
// through the guarded client (outbound/): the test is no way round the SSRF
// rules, and answers only in our own words — never the school's server's text.
// CAS: the address, the /login page, and the validation endpoint answering a
// deliberately invalid ticket with CAS XML (INVALID_TICKET: the server speaks
// CAS and knows nothing of the ticket). OIDC: the address, discovery (issuer,
// code flow, S256, endpoints) and the JWKS. The client id and secret can only
// be proven by a real sign-in, and the page says so.
import { randomBytes } from "node:crypto";
import { pick, type Bilingual, type Locale } from "~/i18n/locale";
import { checklist, type Check, type Checklist, type CheckStatus } from "~/server/checks/check";
import { enforceRateLimit } from "~/server/security/rate-limit";
import { unscopedClient, type TenantScope } from "~/server/scope";
import { tenantOrigin } from "~/server/tenants/public-origin";
import { casLoginUrl, casServiceUrl, normaliseCasBase } from "./cas/urls";
import { requestCasValidation, type CasValidation } from "./cas/validation";
import { discover, DiscoveryError, forgetDiscovery, type DiscoveryProblem } from "./oidc/discovery";
import { fetchJwks, JwksError } from "./oidc/jwks";
import { OutboundError, schoolRequest, type OutboundFailure } from "./outbound/guarded-request";
import { parseSchoolUrl } from "./outbound/school-url";
import { URL_REFUSALS } from "./settings";
import { errorMessage } from "~/server/errors";

export const IDENTITY_CHECK_IDS = ["settings", "address", "loginPage", "validation", "discovery", "jwks", "client"] as const;
export type IdentityCheckId = (typeof IDENTITY_CHECK_IDS)[number];
export type IdentityCheck = Check<IdentityCheckId>;
export type IdentityDiagnosis = Checklist<IdentityCheckId>;

const TITLES: Record<IdentityCheckId, Bilingual> = {
  settings: { zh: "登录方式", en: "Sign-in method" },
  address: { zh: "服务器地址", en: "Server address" },
  loginPage: { zh: "CAS 登录页（/login）", en: "CAS login page (/login)" },
  validation: { zh: "CAS 票据校验接口", en: "CAS ticket validation" },
  discovery: { zh: "OIDC 发现文档", en: "OIDC discovery document" },
  jwks: { zh: "OIDC 签名公钥（JWKS）", en: "OIDC signing keys (JWKS)" },
  client: { zh: "Client ID 与 Secret", en: "Client ID and secret" },
};

const t = (zh: string, en: string): Bilingual => ({ zh, en });

/** A failed call in words the IT office can act on; TLS errors are named (an expired certificate, an incomplete chain …). */
export function describeOutbound(failure: OutboundFailure | { kind: "http"; status: number }): Bilingual {
  switch (failure.kind) {
    case "not_allowed":
      return t(
        "平台只通过 https 访问学校服务器。请填写 https 地址。",
        "The platform reaches schools' servers over https only. Enter the https address.",
      );
    case "blocked_address":
      // The host only: the address it resolved to is the platform's or the campus's internal network, never shown.
      return t(
        `${failure.host} 解析到内部（非公网）地址，平台不会访问。请填写学校服务器在互联网上的域名；如服务器只在校内网，请学校为其开通外网访问。`,
        `${failure.host} resolves to an internal (not public) address, which the platform does not call. Enter the server's internet name; if it is on the campus network only, the school must make it reachable from the internet.`,
      );
    case "dns":
      return t(
        "域名无法解析：请检查拼写，或确认该域名在互联网上可以解析。",
        "The name does not resolve: check the spelling, or that the name resolves on the internet.",
      );
    case "refused":
      return t(
        "连接被拒绝或无法到达：请确认服务器在运行，且学校防火墙允许平台访问 443 端口。",
        "The connection was refused or the server is unreachable: check that it runs and that the school's firewall lets the platform reach port 443.",
      );
    case "timeout":
      return t(
        "服务器在 8 秒内没有应答：请确认服务器负载正常、防火墙未丢弃平台的请求。",
        "The server did not answer within 8 seconds: check its load and that no firewall drops the platform's requests.",
      );
    case "tls": {
      const named: Record<string, Bilingual> = {
        CERT_HAS_EXPIRED: t("HTTPS 证书已过期，请学校更新证书。", "The HTTPS certificate has expired: the school must renew it."),
        CERT_NOT_YET_VALID: t(
          "HTTPS 证书尚未生效（或服务器时钟有误）。",
          "The HTTPS certificate is not valid yet (or the server's clock is wrong).",
        ),
        DEPTH_ZERO_SELF_SIGNED_CERT: t(
          "HTTPS 证书是自签名证书，平台不信任。请学校使用受信任机构签发的证书。",
          "The HTTPS certificate is self-signed, which the platform does not trust: the school needs one from a trusted authority.",
        ),
        SELF_SIGNED_CERT_IN_CHAIN: t(
          "HTTPS 证书链中有自签名证书，平台不信任。",
          "The HTTPS certificate chain contains a self-signed certificate, which the platform does not trust.",
        ),
        UNABLE_TO_VERIFY_LEAF_SIGNATURE: t(
          "HTTPS 证书链不完整：服务器没有发送中间证书。请学校在服务器上配置完整证书链。",
          "The HTTPS certificate chain is incomplete: the server does not send its intermediate certificate. The school must configure the full chain.",
        ),
        UNABLE_TO_GET_ISSUER_CERT_LOCALLY: t(
          "HTTPS 证书链不完整或签发机构不受信任：请学校配置完整证书链。",
          "The HTTPS certificate chain is incomplete or its issuer is not trusted: the school must configure the full chain.",
        ),
        ERR_TLS_CERT_ALTNAME_INVALID: t(
          "HTTPS 证书与域名不符：证书不是为该域名签发的。",
          "The HTTPS certificate does not match the name: it was not issued for this domain.",
        ),
      };
      return (
        named[failure.code] ??
        t(
          `HTTPS 连接失败（${failure.code}）：请学校检查服务器的证书与 TLS 配置。`,
          `The HTTPS connection failed (${failure.code}): the school must check the server's certificate and TLS setup.`,
        )
      );
    }
    case "too_large":
      return t(
        `服务器的应答超过 ${Math.round(failure.limit / 1024)} KB，平台不再读取：这不是正常的应答。`,
        `The server's answer is over ${Math.round(failure.limit / 1024)} KB, so the platform stopped reading: that is not a normal answer.`,
      );
    case "http":
      return t(`服务器应答 HTTP ${failure.status}。`, `The server answered HTTP ${failure.status}.`);
    case "network":
      return t(`网络错误（${failure.code}）。`, `Network error (${failure.code}).`);
  }
}

const DISCOVERY: Record<DiscoveryProblem, Bilingual> = {
  unreachable: t("无法读取发现文档。", "The discovery document could not be read."),
  not_json: t(
    "发现文档不是有效的 JSON：请确认 Issuer 填写的是 OIDC 提供方的地址。",
    "The discovery document is not valid JSON: check that the issuer is the OIDC provider's address.",
  ),
  issuer_mismatch: t(
    "发现文档中的 issuer 与所填 Issuer 不完全一致（注意结尾的 /）：请按文档中的 issuer 原样填写。",
    "The discovery document's issuer differs from the one entered (mind a trailing /): enter it exactly as the document says.",
  ),
  endpoint_not_allowed: t(
    "发现文档中的端点不是 https 公网域名（或不在同一个模拟器上），平台不会访问。",
    "An endpoint in the discovery document is not an https internet name (or not on the same simulator), so the platform does not call it.",
  ),
  no_code_flow: t(
    "该提供方不支持授权码模式（response_type=code）。",
    "The provider does not offer the authorization code flow (response_type=code).",
  ),
  no_s256: t("该提供方不支持 PKCE S256，平台要求使用。", "The provider does not offer PKCE with S256, which the platform requires."),
};

type Draft = { id: IdentityCheckId; status: CheckStatus; detail: Bilingual };

function finish(drafts: Draft[], locale: Locale): IdentityDiagnosis {
  // No check here has steps of its own yet: its detail says what the IT office does.
  const checks = drafts.map((d) => ({
    id: d.id,
    status: d.status,
    title: pick(locale, TITLES[d.id]),
    detail: pick(locale, d.detail),
    steps: [],
  }));
  const allClear = pick(
    locale,
    t("连接正常：平台能访问学校的统一身份认证服务器。", "Connected: the platform can reach the school's unified login server."),
  );
  // The client id and secret can only be proven by a real sign-in: that warning leaves the test ok.
  return checklist(checks, { allClear, warnings: "informative", locale });
}

const MISSING_SERVER = t("尚未填写服务器地址。", "No server address is entered yet.");

function addressCheck(raw: string | null, server: "cas" | "oidc"): { draft: Draft; url: URL | null } {
  if (!raw) return { draft: { id: "address", status: "failed", detail: MISSING_SERVER }, url: null };
  const parsed = parseSchoolUrl(raw, server);
  if (!parsed.ok) {
    const code = URL_REFUSALS[parsed.reason];
    return {
      draft: {
        id: "address",
        status: "failed",
        detail: { zh: errorMessage(code, "zh-CN", { field: raw }), en: errorMessage(code, "en", { field: raw }) },
      },
      url: null,
    };
  }
  return {
    draft: {
      id: "address",
      status: "passed",
      detail: parsed.simulator
        ? t("平台运营配置的模拟器地址。", "The simulator the platform's operator configured.")
        : t("https 公网域名，默认端口。", "An https internet name on the default port."),
    },
    url: parsed.url,
  };
}

async function testCas(
  scope: TenantScope,
  settings: { casBaseUrl: string | null; casVersion: "CAS2" | "CAS3" },
  origin: string,
): Promise<Draft[]> {
  const { draft, url } = addressCheck(settings.casBaseUrl, "cas");
  if (!url)
    return [
      draft,
      { id: "loginPage", status: "skipped", detail: MISSING_SERVER },
      { id: "validation", status: "skipped", detail: MISSING_SERVER },
    ];
  const base = normaliseCasBase(url.href);
  // A service URL of the shape a login sends (with its `?login=` nonce): the school's registry must take it.
  const service = casServiceUrl(origin, randomBytes(24).toString("base64url"));
  const drafts: Draft[] = [draft];
  try {
    const page = await schoolRequest(casLoginUrl(base, service, { renew: false }), { server: "cas", maxBytes: 512 * 1024 });
    const html = page.status === 200 && /<form|password/i.test(page.body);
    drafts.push(
      html || (page.status >= 300 && page.status < 400)
        ? { id: "loginPage", status: "passed", detail: t("登录页可以打开。", "The login page opens.") }
        : {
            id: "loginPage",
            status: page.status === 200 ? "warning" : "failed",
            detail:
              page.status === 404
                ? t(
                    "/login 不存在（HTTP 404）：请检查 CAS 地址是否包含部署路径，如 /authserver 或 /cas。",
                    "/login does not exist (HTTP 404): check that the address includes the deployment path, such as /authserver or /cas.",
                  )
                : describeOutbound({ kind: "http", status: page.status }),
          },
    );
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    drafts.push({ id: "loginPage", status: "failed", detail: describeOutbound(error.failure) });
    drafts.push({
      id: "validation",
      status: "skipped",
      detail: t("服务器无法访问，未检查。", "Not checked: the server cannot be reached."),
    });
    return drafts;
  }
  // A ticket no server ever issued: a CAS server answers INVALID_TICKET (CAS 3.0 §2.5.3) and spends nothing.
  const validation: CasValidation = await requestCasValidation({
    base,
    version: settings.casVersion,
    service,
    ticket: "ST-0-campus-connection-test",
    renew: false,
  });
  drafts.push(validationDraft(validation, settings.casVersion));
  return drafts;
}

function validationDraft(validation: CasValidation, version: "CAS2" | "CAS3"): Draft {
  const path = version === "CAS3" ? "/p3/serviceValidate" : "/serviceValidate";
  if (validation.ok) {
    if (
      validation.answer.kind === "failure" &&
      ["INVALID_TICKET", "INVALID_SERVICE", "INVALID_TICKET_SPEC"].includes(validation.answer.code)
    ) {
      return {
        id: "validation",
        status: "passed",
        detail: t(
          `${path} 以 CAS 格式应答（测试票据被正确拒绝）。`,
          `${path} answers in CAS XML (the test ticket was refused, as it should be).`,
        ),
      };
    }
    return {
      id: "validation",
      status: "failed",
      detail: t(
        `${path} 对无效票据给出了意外的应答，请联系学校 CAS 管理员。`,
        `${path} gave an unexpected answer to an invalid ticket; ask the school's CAS administrator.`,
      ),
    };
  }
  const failure = validation.failure;
  if (failure.kind === "http" && failure.status === 404 && version === "CAS3") {
    return {
      id: "validation",
      status: "failed",
      detail: t(
        "该服务器没有 CAS 3.0 的 /p3/serviceValidate：请将协议版本改为 CAS 2.0（/serviceValidate；金智 IDS 通常如此）。",
        "This server has no CAS 3.0 /p3/serviceValidate: set the version to CAS 2.0 (/serviceValidate; usual for Wisedu IDS).",
      ),
    };
  }
  if (failure.kind === "not_cas") {
    return {
      id: "validation",
      status: "failed",
      detail: t(
        `${path} 的应答不是 CAS 格式：请确认 CAS 地址正确（应答可能来自网关或登录页）。`,
        `${path} does not answer in CAS XML: check the address (the answer may come from a gateway or a login page).`,
      ),
    };
  }
  return { id: "validation", status: "failed", detail: describeOutbound(failure) };
}

async function testOidc(settings: { oidcIssuer: string | null; oidcClientId: string | null; hasSecret: boolean }): Promise<Draft[]> {
  const { draft, url } = addressCheck(settings.oidcIssuer, "oidc");
  const skipped = (id: IdentityCheckId): Draft => ({ id, status: "skipped", detail: t("未检查。", "Not checked.") });
  if (!url || !settings.oidcIssuer) return [draft, skipped("discovery"), skipped("jwks"), skipped("client")];
  const drafts: Draft[] = [draft];
  forgetDiscovery(settings.oidcIssuer);
  let jwksUri: string;
  try {
    const discovery = await discover(settings.oidcIssuer.trim(), { fresh: true });
    jwksUri = discovery.jwks_uri;
    drafts.push({
      id: "discovery",
      status: "passed",
      detail: t("发现文档有效：支持授权码模式与 PKCE S256。", "The discovery document is valid: code flow and PKCE S256 offered."),
    });
  } catch (error) {
    if (!(error instanceof DiscoveryError)) throw error;
    const detail = error.detail ? describeOutbound(error.detail.failure) : DISCOVERY[error.problem];
    return [...drafts, { id: "discovery", status: "failed", detail }, skipped("jwks"), skipped("client")];
  }
  try {
    await fetchJwks(jwksUri);
    drafts.push({ id: "jwks", status: "passed", detail: t("签名公钥可以读取。", "The signing keys can be read.") });
  } catch (error) {
    if (!(error instanceof JwksError)) throw error;
    drafts.push({
      id: "jwks",
      status: "failed",
      detail: error.detail ? describeOutbound(error.detail.failure) : t("JWKS 不是有效的公钥集合。", "The JWKS is not a valid key set."),
    });
  }
  drafts.push(
    settings.oidcClientId && settings.hasSecret
      ? {
          id: "client",
          status: "warning",
          detail: t(
            "Client ID 与 Secret 只能通过一次真实登录验证：请用测试账号登录一次。",
            "The client ID and secret can only be proven by a real sign-in: sign in once with a test account.",
          ),
        }
      : {
          id: "client",
          status: "failed",
          detail: t("尚未填写 Client ID 或 Client Secret。", "The client ID or secret is not entered yet."),
        },
  );
  return drafts;
}

export const IDENTITY_TEST_RATE_LIMIT = { limit: 5, windowSeconds: 60 };

export async function testIdentityConnection(scope: TenantScope, options: { requestHost: string | null }): Promise<IdentityDiagnosis> {
  await enforceRateLimit(unscopedClient(scope), { key: `idp-test:${scope.tenant.id}`, ...IDENTITY_TEST_RATE_LIMIT });
  const row = await scope.db.identityProviderSettings.findUniqueOrThrow({
    where: { tenantId: scope.tenant.id },
    select: { kind: true, casBaseUrl: true, casVersion: true, oidcIssuer: true, oidcClientId: true, oidcClientSecretEnc: true },
  });
  const usesCas = row.kind === "CAS" || (await scope.db.identityKind.count({ where: { providerKind: "CAS" } })) > 0;
  const usesOidc = row.kind === "OIDC" || (await scope.db.identityKind.count({ where: { providerKind: "OIDC" } })) > 0;
  const drafts: Draft[] = [];
  if (!usesCas && !usesOidc) {
    drafts.push({
      id: "settings",
      status: "passed",
      detail: t(
        "本校使用平台内置账号密码登录，无需连接学校服务器。",
        "This school signs in with the platform's built-in directory: there is no school server to reach.",
      ),
    });
  }
  if (usesCas) drafts.push(...(await testCas(scope, row, await tenantOrigin(scope, options.requestHost))));
  if (usesOidc) drafts.push(...(await testOidc({ ...row, hasSecret: row.oidcClientSecretEnc !== null })));
  return finish(drafts, scope.locale);
}

// 【测试连接】 of a school's unified login (src/server/identity/connection-test.ts and each protocol's
// checks.ts): each check's title and what it found, with what the school's IT office does about it.
import type { Messages } from "./types";

export const idpCheck = {
  "title.settings": { zh: "登录方式", en: "Sign-in method" },
  "title.address": { zh: "服务器地址", en: "Server address" },
  "title.loginPage": { zh: "CAS 登录页（/login）", en: "CAS login page (/login)" },
  "title.validation": { zh: "CAS 票据校验接口", en: "CAS ticket validation" },
  "title.discovery": { zh: "OIDC 发现文档", en: "OIDC discovery document" },
  "title.jwks": { zh: "OIDC 签名公钥（JWKS）", en: "OIDC signing keys (JWKS)" },
  "title.client": { zh: "Client ID 与 Secret", en: "Client ID and secret" },
  allClear: {
    zh: "连接正常：平台能访问学校的统一身份认证服务器。",
    en: "Connected: the platform can reach the school's unified login server.",
  },
  builtin: {
    zh: "本校使用平台内置账号密码登录，无需连接学校服务器。",
    en: "This school signs in with the platform's built-in directory: there is no school server to reach.",
  },
  missingServer: { zh: "尚未填写服务器地址。", en: "No server address is entered yet." },
  notChecked: { zh: "未检查。", en: "Not checked." },
  unreachableSkipped: { zh: "服务器无法访问，未检查。", en: "Not checked: the server cannot be reached." },
  privateOrigin: {
    zh: "在平台运营方的内网认证地址名单上（{note}）。",
    en: "On the platform operator's list of private origins ({note}).",
  },
  publicAddress: { zh: "https 公网域名，默认端口。", en: "An https internet name on the default port." },
  // A failed call (outbound/describe.ts).
  "outbound.not_allowed": {
    zh: "平台只通过 https 访问学校服务器。请填写 https 地址。",
    en: "The platform reaches schools' servers over https only. Enter the https address.",
  },
  "outbound.blocked_address": {
    zh: "{host} 解析到内部（非公网）地址，平台不会访问。请填写学校服务器在互联网上的域名；如服务器只在校内网，请学校为其开通外网访问。",
    en: "{host} resolves to an internal (not public) address, which the platform does not call. Enter the server's internet name; if it is on the campus network only, the school must make it reachable from the internet.",
  },
  "outbound.dns": {
    zh: "域名无法解析：请检查拼写，或确认该域名在互联网上可以解析。",
    en: "The name does not resolve: check the spelling, or that the name resolves on the internet.",
  },
  "outbound.refused": {
    zh: "连接被拒绝或无法到达：请确认服务器在运行，且学校防火墙允许平台访问 443 端口。",
    en: "The connection was refused or the server is unreachable: check that it runs and that the school's firewall lets the platform reach port 443.",
  },
  "outbound.timeout": {
    zh: "服务器在 8 秒内没有应答：请确认服务器负载正常、防火墙未丢弃平台的请求。",
    en: "The server did not answer within 8 seconds: check its load and that no firewall drops the platform's requests.",
  },
  "outbound.too_large": {
    zh: "服务器的应答超过 {kib} KB，平台不再读取：这不是正常的应答。",
    en: "The server's answer is over {kib} KB, so the platform stopped reading: that is not a normal answer.",
  },
  "outbound.http": { zh: "服务器应答 HTTP {status}。", en: "The server answered HTTP {status}." },
  "outbound.network": { zh: "网络错误（{code}）。", en: "Network error ({code})." },
  "outbound.tls": {
    zh: "HTTPS 连接失败（{code}）：请学校检查服务器的证书与 TLS 配置。",
    en: "The HTTPS connection failed ({code}): the school must check the server's certificate and TLS setup.",
  },
  "tls.CERT_HAS_EXPIRED": { zh: "HTTPS 证书已过期，请学校更新证书。", en: "The HTTPS certificate has expired: the school must renew it." },
  "tls.CERT_NOT_YET_VALID": {
    zh: "HTTPS 证书尚未生效（或服务器时钟有误）。",
    en: "The HTTPS certificate is not valid yet (or the server's clock is wrong).",
  },
  "tls.DEPTH_ZERO_SELF_SIGNED_CERT": {
    zh: "HTTPS 证书是自签名证书，平台不信任。请学校使用受信任机构签发的证书。",
    en: "The HTTPS certificate is self-signed, which the platform does not trust: the school needs one from a trusted authority.",
  },
  "tls.SELF_SIGNED_CERT_IN_CHAIN": {
    zh: "HTTPS 证书链中有自签名证书，平台不信任。",
    en: "The HTTPS certificate chain contains a self-signed certificate, which the platform does not trust.",
  },
  "tls.UNABLE_TO_VERIFY_LEAF_SIGNATURE": {
    zh: "HTTPS 证书链不完整：服务器没有发送中间证书。请学校在服务器上配置完整证书链。",
    en: "The HTTPS certificate chain is incomplete: the server does not send its intermediate certificate. The school must configure the full chain.",
  },
  "tls.UNABLE_TO_GET_ISSUER_CERT_LOCALLY": {
    zh: "HTTPS 证书链不完整或签发机构不受信任：请学校配置完整证书链。",
    en: "The HTTPS certificate chain is incomplete or its issuer is not trusted: the school must configure the full chain.",
  },
  "tls.ERR_TLS_CERT_ALTNAME_INVALID": {
    zh: "HTTPS 证书与域名不符：证书不是为该域名签发的。",
    en: "The HTTPS certificate does not match the name: it was not issued for this domain.",
  },
  // CAS (identity/cas/checks.ts).
  "cas.loginPage": { zh: "登录页可以打开。", en: "The login page opens." },
  "cas.loginPage404": {
    zh: "/login 不存在（HTTP 404）：请检查 CAS 地址是否包含部署路径，如 /authserver 或 /cas。",
    en: "/login does not exist (HTTP 404): check that the address includes the deployment path, such as /authserver or /cas.",
  },
  "cas.validation": {
    zh: "{path} 以 CAS 格式应答（测试票据被正确拒绝）。",
    en: "{path} answers in CAS XML (the test ticket was refused, as it should be).",
  },
  "cas.validationUnexpected": {
    zh: "{path} 对无效票据给出了意外的应答，请联系学校 CAS 管理员。",
    en: "{path} gave an unexpected answer to an invalid ticket; ask the school's CAS administrator.",
  },
  "cas.noCas3": {
    zh: "该服务器没有 CAS 3.0 的 /p3/serviceValidate：请将协议版本改为 CAS 2.0（/serviceValidate；金智 IDS 通常如此）。",
    en: "This server has no CAS 3.0 /p3/serviceValidate: set the version to CAS 2.0 (/serviceValidate; usual for Wisedu IDS).",
  },
  "cas.notCas": {
    zh: "{path} 的应答不是 CAS 格式：请确认 CAS 地址正确（应答可能来自网关或登录页）。",
    en: "{path} does not answer in CAS XML: check the address (the answer may come from a gateway or a login page).",
  },
  // OIDC (identity/oidc/checks.ts).
  "oidc.discovery": {
    zh: "发现文档有效：支持授权码模式与 PKCE S256。",
    en: "The discovery document is valid: code flow and PKCE S256 offered.",
  },
  "oidc.formPost": {
    zh: "发现文档有效：支持授权码模式、PKCE S256 与 form_post 回传。",
    en: "The discovery document is valid: code flow, PKCE S256 and form_post answers offered.",
  },
  "oidc.noFormPost": {
    zh: "该提供方不支持 form_post 回传（response_modes_supported）：请将“回传方式”改为“地址参数”。",
    en: "The provider does not offer form_post answers (response_modes_supported): set the answer mode to the query.",
  },
  "oidc.jwks": { zh: "签名公钥可以读取。", en: "The signing keys can be read." },
  "oidc.jwksInvalid": { zh: "JWKS 不是有效的公钥集合。", en: "The JWKS is not a valid key set." },
  "oidc.clientUnproven": {
    zh: "Client ID 与 Secret 只能通过一次真实登录验证：请用测试账号登录一次。",
    en: "The client ID and secret can only be proven by a real sign-in: sign in once with a test account.",
  },
  "oidc.clientMissing": { zh: "尚未填写 Client ID 或 Client Secret。", en: "The client ID or secret is not entered yet." },
  "discovery.unreachable": { zh: "无法读取发现文档。", en: "The discovery document could not be read." },
  "discovery.not_json": {
    zh: "发现文档不是有效的 JSON：请确认 Issuer 填写的是 OIDC 提供方的地址。",
    en: "The discovery document is not valid JSON: check that the issuer is the OIDC provider's address.",
  },
  "discovery.issuer_mismatch": {
    zh: "发现文档中的 issuer 与所填 Issuer 不完全一致（注意结尾的 /）：请按文档中的 issuer 原样填写。",
    en: "The discovery document's issuer differs from the one entered (mind a trailing /): enter it exactly as the document says.",
  },
  "discovery.endpoint_not_allowed": {
    zh: "发现文档中的端点不是 https 公网域名（或不在同一个模拟器上），平台不会访问。",
    en: "An endpoint in the discovery document is not an https internet name (or not on the same simulator), so the platform does not call it.",
  },
  "discovery.no_code_flow": {
    zh: "该提供方不支持授权码模式（response_type=code）。",
    en: "The provider does not offer the authorization code flow (response_type=code).",
  },
  "discovery.no_s256": {
    zh: "该提供方不支持 PKCE S256，平台要求使用。",
    en: "The provider does not offer PKCE with S256, which the platform requires.",
  },
} as const satisfies Messages;

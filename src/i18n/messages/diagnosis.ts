// 【测试连接】 of a school's WeCom (src/server/wecom/diagnose.ts): each check's title, what it found and what
// the school's admin does in WeCom's admin console (reference §7.5, §8). {where}, {app}: a place in that console.
import type { Messages } from "./types";

export const diagnosis = {
  "title.settings": { zh: "连接设置", en: "Connection settings" },
  "title.appSecret": { zh: "CorpID 与应用 Secret", en: "Corp ID and app secret" },
  "title.app": { zh: "小助手应用", en: "Assistant app" },
  "title.visibleRange": { zh: "应用可见范围", en: "App's visible range" },
  "title.contactSecret": { zh: "通讯录同步 Secret", en: "Contact-sync secret" },
  "title.contactAccess": { zh: "通讯录同步：API 接口同步与企业可信IP", en: "Contact sync: API access and trusted IPs" },
  "title.contactWrite": { zh: "通讯录同步：编辑通讯录权限", en: "Contact sync: permission to edit the directory" },
  again: { zh: "完成后再点【测试连接】。", en: "Then press Test connection again." },
  afterAMinute: {
    zh: "保存后约 1 分钟生效，之后再点【测试连接】。",
    en: "It takes about a minute to apply; then press Test connection again.",
  },
  addEgressIps: {
    zh: "在 {where} 的“企业可信IP”中添加本平台的出口 IP：{ips}（可整行粘贴，多个 IP 以分号分隔）。",
    en: "Under {where}, add the platform's egress IPs as trusted IPs (企业可信IP): {ips} (paste the line as it is; WeCom separates IPs with semicolons).",
  },
  egressIpsUnknown: {
    zh: "平台运营方尚未配置本平台的出口 IP（WECOM_EGRESS_IPS）：请联系平台运营方获取后，添加到 {where} 的“企业可信IP”中。",
    en: "The platform's operator has not configured the platform's egress IPs (WECOM_EGRESS_IPS): ask the operator for them, then add them under {where} as trusted IPs (企业可信IP).",
  },
  ipRefused: {
    zh: "企业微信拒绝了来自本平台服务器的调用（60020）：调用方 IP 不在企业可信IP 中。",
    en: "WeCom refused the platform's calls (60020): the caller's IP is not a trusted IP.",
  },
  ipSeen: { zh: "企业微信看到的来源 IP 为 {seen}。", en: "WeCom saw the call come from {seen}." },
  ipNotOurs: {
    zh: "该 IP 不在平台配置的出口 IP 中，请同时告知平台运营方。",
    en: "That IP is not among the platform's configured egress IPs: tell the platform's operator too.",
  },
  whereCorpId: {
    zh: "CorpID：企业微信管理后台 → 我的企业 → 企业信息 → 页面底部的“企业ID”。",
    en: "Corp ID: WeCom admin console → My Company → Company Information → “Corp ID” at the bottom of the page.",
  },
  whereAppSecret: {
    zh: "应用 Secret：企业微信管理后台 → 应用管理 → 小助手应用 → Secret【查看】（发送到管理员的企业微信上）。",
    en: "App secret: WeCom admin console → App Management → the assistant app → Secret, View (it is sent to the admin's WeCom).",
  },
  whereContactSecret: {
    zh: "通讯录同步 Secret：企业微信管理后台 → 管理工具 → 通讯录同步 → Secret【查看】。",
    en: "Contact-sync secret: WeCom admin console → Management Tools → Contact Sync → Secret, View.",
  },
  enterAndSave: {
    zh: "填入【企业微信连接】并保存（保存后暂停的同步会自动恢复），再点【测试连接】。",
    en: "Enter it under WeCom connection and save (paused sync resumes when you save), then press Test connection again.",
  },
  notChecked: { zh: "未检查：请先解决上面的问题。", en: "Not checked: fix the problem above first." },
  appSecretName: { zh: "应用 Secret", en: "app secret" },
  whereEverything: {
    zh: "CorpID 在“我的企业 → 企业信息”页面底部；AgentID 与应用 Secret 在“应用管理 → 小助手应用”；通讯录同步 Secret 在“管理工具 → 通讯录同步”。",
    en: "The corp ID is at the bottom of My Company → Company Information; the AgentID and app secret under App Management → the assistant app; the contact-sync secret under Management Tools → Contact Sync.",
  },
  settingsIncomplete: { zh: "连接设置不完整，缺少：{missing}。", en: "The connection settings are incomplete: {missing} missing." },
  fillInAndSave: { zh: "在【企业微信连接】中填写后保存。", en: "Fill them in under WeCom connection and save." },
  settingsComplete: {
    zh: "CorpID、AgentID、应用 Secret 与通讯录同步 Secret 均已填写。",
    en: "The corp ID, AgentID, app secret and contact-sync secret are all filled in.",
  },
  noContactSecret: {
    zh: "未填写通讯录同步 Secret：没有它，本平台无法在企业微信中创建、修改或删除成员。",
    en: "No contact-sync secret: without it the platform cannot create, change or remove members in WeCom.",
  },
  whereContactSecretToEnter: {
    zh: "在企业微信管理后台 → 管理工具 → 通讯录同步中查看 Secret，填入【企业微信连接】并保存。",
    en: "Look up the secret under Management Tools → Contact Sync in WeCom's admin console, enter it under WeCom connection and save.",
  },
  pausedNotChecked: {
    zh: "未检查：企业微信同步已暂停，修正设置并保存后再测试。",
    en: "Not checked: WeCom sync is paused; correct the settings, save, then test again.",
  },
  appSecretAccepted: { zh: "企业微信接受了 CorpID 与应用 Secret。", en: "WeCom accepted the corp ID and the app secret." },
  appPath: { zh: "应用管理 → {name}", en: "App Management → {name}" },
  appClosed: {
    zh: "应用「{name}」已停用：成员无法打开它，也收不到它的消息。",
    en: "The app “{name}” is switched off: members can neither open it nor get its messages.",
  },
  switchAppOn: { zh: "在企业微信管理后台 → {app} 中启用该应用。", en: "Switch it on under {app} in WeCom's admin console." },
  appReachable: {
    zh: "本平台可以调用应用「{name}」（AgentID {agentid}），应用已启用。",
    en: "The platform can call the app “{name}” (AgentID {agentid}); it is switched on.",
  },
  visibleRangeRoot: {
    zh: "可见范围包含学校的根部门：应用能看到并通知本平台创建的成员。",
    en: "The visible range includes the school's root department: the app can see and message the members the platform creates.",
  },
  visibleRangeMissing: {
    zh: "应用的可见范围不包含学校的根部门：本平台把成员建在根部门，应用看不到他们，也无法给他们发消息（60011）。",
    en: "The app's visible range does not include the school's root department: the platform creates members there, so the app can neither see nor message them (60011).",
  },
  addRootDepartment: {
    zh: "在企业微信管理后台 → {app} → 可见范围中添加学校的根部门（最上面一级，即企业名称）。",
    en: "Under {app} → Visible range in WeCom's admin console, add the school's root department (the top level, the corp's name).",
  },
  trustedIpPrerequisite: {
    zh: "先在 {app} → 开发者接口中设置“网页授权及JS-SDK”的可信域名，或在“接收消息”中设置 API 接收消息的 URL：企业微信要求先完成其一，才允许设置企业可信IP。",
    en: "First, under {app} → Developer interface, set a trusted domain (网页授权及JS-SDK) or the URL that receives messages (接收消息): WeCom accepts trusted IPs only once one of them is set.",
  },
  agentMismatch: { zh: "AgentID 与应用 Secret 不属于同一个应用。", en: "The AgentID and the app secret belong to different apps." },
  checkAgentId: {
    zh: "在 {app} 中核对 AgentId，并确认应用 Secret 是这个应用的，填入【企业微信连接】并保存。",
    en: "Check the AgentId under {app}, make sure the app secret is this app's, enter them under WeCom connection and save.",
  },
  notAppSecret: {
    zh: "“应用 Secret”一栏填的不是应用的 Secret（可能填成了通讯录同步 Secret）。",
    en: "The app secret field does not hold the app's secret (perhaps the contact-sync secret).",
  },
  lookUpAppSecret: {
    zh: "在 {app} 中查看该应用的 Secret，填入【企业微信连接】的“应用 Secret”并保存。",
    en: "Look up the app's secret under {app}, enter it as the app secret under WeCom connection and save.",
  },
  appFirst: { zh: "未检查：需要先能调用应用。", en: "Not checked: the app must be reachable first." },
  noContactSecretNotChecked: { zh: "未检查：未填写通讯录同步 Secret。", en: "Not checked: no contact-sync secret." },
  contactSecretAccepted: { zh: "企业微信接受了通讯录同步 Secret。", en: "WeCom accepted the contact-sync secret." },
  contactSyncPath: { zh: "管理工具 → 通讯录同步", en: "Management Tools → Contact Sync" },
  contactAccessOn: {
    zh: "通讯录同步的 API 接口同步已开启，本平台的 IP 可以调用。",
    en: "Contact sync's API access is on and accepts the platform's IP.",
  },
  contactAccessOff: {
    zh: "通讯录同步的“API 接口同步”未开启（48002）：本平台无法把成员写入企业微信。",
    en: "Contact sync's API access is off (48002): the platform cannot write members to WeCom.",
  },
  turnOnContactApi: {
    zh: "在企业微信管理后台 → 管理工具 → 通讯录同步中开启“API 接口同步”，权限选择“API 编辑通讯录”。",
    en: "In WeCom's admin console, under Management Tools → Contact Sync, turn on API sync with the permission to edit the directory (API 编辑通讯录).",
  },
  contactWriteOn: {
    zh: "通讯录同步有编辑通讯录的权限：本平台可以创建、修改和删除成员。",
    en: "Contact sync may edit the directory: the platform can create, change and remove members.",
  },
  contactReadOnly: {
    zh: "通讯录同步只有读取权限（48002）：本平台无法创建、修改或删除成员。",
    en: "Contact sync is read-only (48002): the platform cannot create, change or remove members.",
  },
  makeContactWritable: {
    zh: "在企业微信管理后台 → 管理工具 → 通讯录同步 → 权限中，把“API 读取通讯录”改为“API 编辑通讯录”。",
    en: "In WeCom's admin console, under Management Tools → Contact Sync → Permission, change “read the directory” to “edit the directory” (API 编辑通讯录).",
  },
  allClear: {
    zh: "连接成功：企业微信接受了 CorpID 与 Secret，各项检查均已通过。",
    en: "Connected: WeCom accepted the corp ID and secrets, and every check passed.",
  },
} as const satisfies Messages;

// What a failed WeCom call says to the school's admin (src/server/wecom/errors.ts): in the sync
// jobs' list, the pause notice and 【测试连接】. WeCom's own errmsg is never part of it.
import type { Messages } from "./types";

export const wecomError = {
  transport: {
    zh: "暂时无法连接企业微信，稍后会自动重试；如持续失败，请在【企业微信连接】中测试连接。",
    en: "WeCom could not be reached; the call will be retried. If it lasts, test the connection in the WeCom settings.",
  },
  response: {
    zh: "企业微信对 {path} 的应答格式与平台预期不符，平台未采用该结果，请联系平台运营方。",
    en: "WeCom's answer to {path} was not in the form the platform expects, so it was not used. Contact the platform's operator.",
  },
  notConfigured: {
    zh: "尚未配置企业微信连接（缺少：{missing}），请在【企业微信连接】中填写。",
    en: "The WeCom connection is not set up (missing: {missing}). Fill it in under WeCom connection.",
  },
  "paused.app": { zh: "应用 Secret", en: "app secret" },
  "paused.contact": { zh: "通讯录同步 Secret", en: "contact-sync secret" },
  paused: {
    zh: "{cause}（{which}）企业微信同步已暂停：在【企业微信连接】中保存正确的设置后自动恢复，1 小时后也会再试一次。",
    en: "{cause} ({which}) WeCom sync is paused: it resumes once you save corrected settings under WeCom connection, and is tried again after an hour.",
  },
  redirected: {
    zh: "企业微信接口地址返回了重定向，平台不会跟随。请在【企业微信连接】中核对 API 地址，或联系平台运营方。",
    en: "The WeCom API address answered with a redirect, which the platform does not follow. Check the API address under WeCom connection, or contact the platform's operator.",
  },
  baseUrlNotAllowed: {
    zh: "本校的企业微信 API 地址不在平台允许的范围内，请在【企业微信连接】中重新选择，并重新填写 Secret。",
    en: "The school's WeCom API address is not one this platform allows. Choose it again under WeCom connection and re-enter the secrets.",
  },
  /** How a list of missing settings is joined. */
  listSeparator: { zh: "、", en: ", " },
} as const satisfies Messages;

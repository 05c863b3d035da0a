// The texts of the codes. The outbox stores them; SMTP sends the e-mail's (subject and
// body). A real SMS provider sends its own approved template (Tencent: the code and the
// minutes as parameters) and never the SMS text below.
import { format, pick } from "~/i18n/locale";
import { PURPOSE_LABELS } from "../purposes";
import type { CodeMessage } from "./provider";

const SMS = {
  zh: "【{school}】您的验证码为 {code}，{minutes} 分钟内有效。您正在{purpose}，请勿将验证码告诉他人；如非本人操作，请忽略本短信。",
  en: "[{school}] Your code is {code}, valid for {minutes} minutes, to {purpose}. Never share it; if this was not you, ignore this message.",
};

const EMAIL = {
  zh: "{school}：您的验证码为 {code}，{minutes} 分钟内有效。您正在{purpose}。学校老师和任何工作人员都不会向您索要验证码，请勿告诉他人；如非本人操作，请忽略本邮件。",
  en: "{school}: your code is {code}, valid for {minutes} minutes, to {purpose}. Nobody from the school will ever ask you for it: never share it. If this was not you, ignore this e-mail.",
};

/** The subject names the school and what the code is for, never the code (a lock screen shows subjects). */
const EMAIL_SUBJECT = {
  zh: "【{school}】验证码：{purpose}",
  en: "{school}: your code to {purpose}",
};

function vars(message: CodeMessage) {
  return {
    school: message.school,
    code: message.code,
    minutes: message.ttlMinutes,
    purpose: pick(message.locale, PURPOSE_LABELS[message.purpose]),
  };
}

export function smsText(message: CodeMessage): string {
  return format(pick(message.locale, SMS), vars(message));
}

export function emailText(message: CodeMessage): string {
  return format(pick(message.locale, EMAIL), vars(message));
}

export function emailSubject(message: CodeMessage): string {
  return format(pick(message.locale, EMAIL_SUBJECT), vars(message));
}

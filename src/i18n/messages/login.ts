// The member sign-in page (统一身份认证).
import type { Messages } from "./types";

export const login = {
  title: { zh: "统一身份认证", en: "Unified login" },
  accountLabel: { zh: "学号 / 工号 / 考生号", en: "Student / staff / candidate number" },
  accountPlaceholder: { zh: "请输入账号", en: "Your account" },
  passwordPlaceholder: { zh: "请输入密码", en: "Your password" },
  submit: { zh: "登录", en: "Sign in" },
  lockoutHint: {
    zh: "连续输错 {max} 次密码，账号将锁定 {minutes} 分钟。",
    en: "After {max} wrong passwords in a row the account locks for {minutes} minutes.",
  },
  initialPasswordLast8: {
    zh: "首次登录的初始密码为身份证号后 8 位（末位为 X 的，大小写均可）；登录后请按提示修改密码。",
    en: "Your first password is the last 8 characters of your ID number (a final X in either case); you will be asked to change it after signing in.",
  },
  passwordReset: {
    zh: "密码已重置，所有设备上的登录已退出。请用新密码登录。",
    en: "Your password has been reset and you have been signed out everywhere. Sign in with the new one.",
  },
  passwordChanged: { zh: "密码已修改，请用新密码登录。", en: "Your password has been changed. Please sign in with the new one." },
} as const satisfies Messages;

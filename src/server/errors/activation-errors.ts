// The refusals of a candidate's account activation (auth/account-activation.ts, UESTC 附件一). Kept in
// a file of their own and spread into the catalogue, so the catalogue's other entries stay as they are.
import type { ErrorCatalogEntry } from "./catalog";

export const ACTIVATION_ERRORS = {
  ACTIVATION_NOTICE_UNREAD: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "请先阅读激活须知，勾选「我已阅读激活须知」，再点【进入激活】。",
      en: 'Please read the activation notice, tick "I have read the activation notice", then tap [Start activation].',
    },
  },
  ACTIVATION_EXPIRED: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "激活页面已过期（须在 30 分钟内完成）或未从头开始。请重新阅读激活须知并开始激活，已填写的信息需要重新填写。",
      en: "This activation has expired (it must be finished within 30 minutes) or was not started here. Read the notice and start again; you will need to enter your details again.",
    },
  },
  ACTIVATION_IDENTITY_MISMATCH: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "身份校验未通过：考生号、姓名、证件类型和证件号码须与报考时填写的完全一致。请对照准考证或报名信息核对后重新填写；仍不通过请联系学院招生老师。",
      en: "Identity check failed: the candidate number, name, ID type and ID number must match what you gave when you applied. Check them against your admission ticket or application and try again; if it still fails, contact your school's admissions office.",
    },
  },
  ACTIVATION_ID_FORMAT: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "居民身份证号码应为 18 位：前 17 位是数字，最后一位是数字或 X。请核对后重新填写；其他证件请先选择对应的证件类型。",
      en: "A resident ID number has 18 characters: 17 digits, then a digit or X. Check it and type it again; for another document, choose its ID type first.",
    },
  },
  ACTIVATION_ID_CHECK_DIGIT: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "身份证号码有误：最后一位（校验位）与前 17 位不符，多半是某一位输错了。请对照身份证逐位核对后重新填写。",
      en: "The ID number is wrong: its last character (the check digit) does not fit the first 17, so a digit was probably mistyped. Compare it with your ID card digit by digit and type it again.",
    },
  },
  ACTIVATION_ALREADY_DONE: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "您的账号已经激活，无需再次激活。请直接用考生号和激活时设置的密码登录；忘记密码可在登录页点【忘记密码】找回。",
      en: "Your account is already activated. Sign in with your candidate number and the password you set; if you forgot it, use [Forgot password] on the sign-in page.",
    },
  },
  ACTIVATION_NOT_NEEDED: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "您的账号通过学校的统一身份认证登录，无需在此激活。请返回，选择您的身份后登录。",
      en: "Your account signs in through the school's own unified login and needs no activation here. Go back, choose your identity and sign in.",
    },
  },
} as const satisfies Record<string, ErrorCatalogEntry>;

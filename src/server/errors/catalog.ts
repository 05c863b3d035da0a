// The error catalogue: each code's tRPC code, HTTP status and message in both
// languages, which says what to do next. Data only (src/server/errors/index.ts
// is the AppError around it).
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import type { Bilingual } from "~/i18n/locale";
import { ACTIVATION_ERRORS } from "./activation-errors";
import { HALL_ERRORS } from "./catalog-hall";
import { INTERNAL_ERROR_MESSAGE } from "./internal-message";

export type ErrorCatalogEntry = { trpc: TRPC_ERROR_CODE_KEY; http: number; message: Bilingual };

export const ERROR_CATALOG = {
  BAD_CREDENTIALS: {
    trpc: "UNAUTHORIZED",
    http: 401,
    message: { zh: "账号或密码错误，请重新输入。", en: "Wrong account or password. Please try again." },
  },
  BAD_CREDENTIALS_REMAINING: {
    trpc: "UNAUTHORIZED",
    http: 401,
    message: {
      zh: "账号或密码错误，还可尝试 {remaining} 次。",
      en: "Wrong account or password. {remaining} tries left before the account locks.",
    },
  },
  ACCOUNT_LOCKED: {
    trpc: "FORBIDDEN",
    http: 423,
    message: {
      zh: "错误次数已达最大上限，请稍后再试（约 {minutes} 分钟后解锁，或联系学校管理员解锁）。",
      en: "Too many wrong passwords. Try again later (unlocks in about {minutes} minutes, or ask your school's IT office to unlock it).",
    },
  },
  ACCOUNT_DISABLED: {
    trpc: "FORBIDDEN",
    http: 403,
    message: { zh: "该账号已停用，请联系学校管理员。", en: "This account is disabled. Please contact your school's IT office." },
  },
  LOGIN_NOT_BUILTIN: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "本校使用学校统一身份认证登录，请通过学校登录页登录。",
      en: "This school signs you in through its own unified login. Please use the school's login page.",
    },
  },
  // Unified login through the school's CAS or OIDC server (src/server/identity/): what the person does next, and whom to ask.
  SSO_NOT_IN_DIRECTORY: {
    trpc: "FORBIDDEN",
    http: 403,
    message: {
      zh: "您已通过{school}统一身份认证登录（账号 {account}），但该账号不在本校企业微信开通名单中，因此无法继续。请联系学校信息中心（或运维老师）核对名单：可能尚未导入，或学号/工号有变。名单更新后再点【统一身份认证登录】即可。",
      en: "You signed in at {school}'s unified login (account {account}), but that account is not on the school's list for WeCom, so you cannot continue. Please ask the school's IT office (information centre or helpdesk) to check the list: you may not have been imported yet, or your number changed. Once it is fixed, tap Unified login again.",
    },
  },
  SSO_KIND_USES_OTHER_LOGIN: {
    trpc: "FORBIDDEN",
    http: 403,
    message: {
      zh: "账号 {account} 在本校的身份是「{kind}」，该身份不通过此入口登录。请返回上一页，选择【{kind}】后再登录；如有疑问请联系学校信息中心。",
      en: "Account {account} is registered as “{kind}”, which does not sign in here. Go back, choose “{kind}” and sign in again; if this looks wrong, contact the school's IT office.",
    },
  },
  SSO_LOGIN_EXPIRED: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "登录已超时，或是从其他页面/浏览器返回的。请重新点击【统一身份认证登录】（在同一个浏览器中完成，10 分钟内有效）。",
      en: "This sign-in timed out or came back from another page or browser. Tap Unified login again and finish it in the same browser within 10 minutes.",
    },
  },
  SSO_TICKET_REJECTED: {
    trpc: "UNAUTHORIZED",
    http: 401,
    message: {
      zh: "{school}统一身份认证没有确认本次登录（登录凭据无效、已使用或已过期），请重新点击【统一身份认证登录】。如反复出现，请联系学校信息中心。",
      en: "{school}'s unified login did not confirm this sign-in (the sign-in ticket was invalid, used or expired). Tap Unified login again; if it keeps happening, contact the school's IT office.",
    },
  },
  SSO_CANCELLED: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "您在{school}统一身份认证页面取消了登录。如需继续，请重新点击【统一身份认证登录】。",
      en: "You cancelled the sign-in on {school}'s unified login page. To continue, tap Unified login again.",
    },
  },
  SSO_SERVER_UNREACHABLE: {
    trpc: "INTERNAL_SERVER_ERROR",
    http: 503,
    message: {
      zh: "暂时无法连接{school}统一身份认证服务器，请稍后重试；如持续失败，请联系学校信息中心。",
      en: "{school}'s unified login server cannot be reached right now. Please try again later, or contact the school's IT office if it lasts.",
    },
  },
  SSO_SERVER_ANSWER_INVALID: {
    trpc: "INTERNAL_SERVER_ERROR",
    http: 502,
    message: {
      zh: "{school}统一身份认证服务器的应答无法确认（格式不符或校验未通过），为安全起见未登录。请稍后重试；如持续失败，请联系学校信息中心。",
      en: "The answer of {school}'s unified login server could not be verified, so for your safety you were not signed in. Please try again later, or contact the school's IT office if it lasts.",
    },
  },
  SSO_ACCOUNT_MISSING: {
    trpc: "FORBIDDEN",
    http: 403,
    message: {
      zh: "学校统一身份认证没有提供您的学号/工号（属性 {attribute}），无法确认您是谁。请联系学校信息中心：需要在统一身份认证中向本应用发布该属性，或在后台修改「账号属性」。",
      en: "The school's unified login did not give your student or staff number (attribute {attribute}), so who you are cannot be confirmed. Please contact the school's IT office: the attribute must be released to this application, or the account attribute changed in the back office.",
    },
  },
  SSO_NOT_CONFIGURED: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "{school}的统一身份认证尚未配置完成，暂时无法登录。请联系学校信息中心。",
      en: "{school}'s unified login is not fully set up yet, so you cannot sign in for now. Please contact the school's IT office.",
    },
  },
  IDP_URL_INVALID: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "「{field}」不是有效的网址，请填写完整地址，如 https://ids.example.edu.cn/authserver。",
      en: "“{field}” is not a valid address. Type the whole address, e.g. https://ids.example.edu.cn/authserver.",
    },
  },
  IDP_URL_NOT_HTTPS: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "「{field}」必须以 https:// 开头：登录结果经此地址确认，明文 http 可被中途伪造。请向学校统一身份认证的管理员索取 https 地址。",
      en: "“{field}” must start with https://: sign-ins are confirmed through it, and plain http can be forged on the way. Ask the administrator of the school's unified login for its https address.",
    },
  },
  IDP_URL_CREDENTIALS: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "「{field}」中不能包含用户名或密码（@ 之前的部分），请删去后保存。",
      en: "“{field}” must not contain a user name or password (the part before @). Remove it and save.",
    },
  },
  IDP_URL_PORT: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "「{field}」只能使用 https 的默认端口（443），请去掉地址中的端口号（如 :8443）；如学校服务器只在其他端口提供服务，请联系平台运营。",
      en: "“{field}” may only use https's default port (443). Remove the port (such as :8443) from the address; if the school's server only listens on another port, contact the platform's operator.",
    },
  },
  IDP_URL_ADDRESS: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "「{field}」请填写域名（如 ids.example.edu.cn），不能直接填写 IP 地址。",
      en: "“{field}” must be a domain name (such as ids.example.edu.cn), not an IP address.",
    },
  },
  IDP_URL_LOCAL_NAME: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "「{field}」必须是互联网上可访问的域名（如 ids.example.edu.cn）：平台不能访问 localhost 或校内网专用的名称。",
      en: "“{field}” must be a domain name reachable on the internet (such as ids.example.edu.cn): the platform cannot reach localhost or names of a private network.",
    },
  },
  IDP_URL_QUERY: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "「{field}」只填服务器地址，不要包含 ? 或 # 之后的部分（如 https://ids.example.edu.cn/authserver，而不是其登录页的完整链接）。",
      en: "“{field}” is the server's address only, without anything after ? or # (e.g. https://ids.example.edu.cn/authserver, not the full link of its login page).",
    },
  },
  IDP_SETTINGS_INCOMPLETE: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "设置不完整：使用 CAS 须填写 CAS 地址；使用 OIDC 须填写 Issuer、Client ID 和 Client Secret（缺少：{missing}）。请补全后再保存。",
      en: "The settings are incomplete: CAS needs its address; OIDC needs the issuer, client ID and client secret (missing: {missing}). Fill them in and save again.",
    },
  },
  UNAUTHENTICATED: {
    trpc: "UNAUTHORIZED",
    http: 401,
    message: { zh: "请先登录。", en: "Please sign in first." },
  },
  FORBIDDEN: {
    trpc: "FORBIDDEN",
    http: 403,
    message: { zh: "您没有权限进行此操作。", en: "You are not allowed to do this." },
  },
  PERMISSION_REQUIRED: {
    trpc: "FORBIDDEN",
    http: 403,
    message: {
      zh: "您没有权限进行此操作（需要「{permission}」权限）。请联系本校系统管理员（信息中心）处理，或请其为您开通该权限。",
      en: "You are not allowed to do this (it needs the “{permission}” permission). Please ask your school's IT office to do it, or to grant you that permission.",
    },
  },
  TENANT_UNAVAILABLE: {
    trpc: "NOT_FOUND",
    http: 404,
    message: {
      zh: "该学校尚未开通，请确认扫描的是本校的二维码。",
      en: "This school is not set up. Please check that you scanned your own school's QR code.",
    },
  },
  NOT_FOUND: {
    trpc: "NOT_FOUND",
    http: 404,
    message: { zh: "找不到该记录，它可能已被删除。", en: "Not found. It may have been deleted." },
  },
  IDENTITY_KIND_IN_USE: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "还有 {count} 位成员属于这个身份类型，不能删除。请先在通讯录中把他们改为其他身份类型，或保留这个类型。",
      en: "{count} members still have this identity kind, so it cannot be deleted. Move them to another kind in the directory first, or keep it.",
    },
  },
  IDENTITY_KIND_LAST: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "这是学校唯一的身份类型，不能删除：至少要有一个身份类型成员才能加入。请先添加另一个。",
      en: "This is the school's only identity kind and cannot be deleted: members need at least one to join. Add another first.",
    },
  },
  ALREADY_EXISTS: {
    trpc: "CONFLICT",
    http: 409,
    message: { zh: "「{field}」已存在，请换一个。", en: "“{field}” already exists. Please choose another." },
  },
  INVITE_INVALID: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "该邀请链接已失效（已使用、已过期或已被重新发送）。请联系邀请你的管理员重新发送邀请。",
      en: "This invitation link no longer works (used, expired or sent again). Ask whoever invited you to send a new one.",
    },
  },
  INVITE_ACCEPTED: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "账号「{username}」已设置过密码，无需再次邀请。如忘记密码，请另一位管理员或平台运营方帮助解锁。",
      en: "“{username}” has set its password already: no invitation is needed. If the password is lost, another admin or the platform operator can help.",
    },
  },
  INVALID_INPUT: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: { zh: "输入有误，请按提示修改后重试。", en: "Some input is invalid. Please correct it and try again." },
  },
  PHONE_INVALID: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "手机号格式不正确：大陆手机号为 1 开头的 11 位数字；境外手机号请在国际区号前加 00，如 0085291234567。",
      en: "The phone number is not valid: a mainland number has 11 digits starting with 1; for a foreign number type 00 before the country code, e.g. 0085291234567.",
    },
  },
  PHONE_FOREIGN_NOT_ALLOWED: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "本校只接受大陆手机号（1 开头的 11 位数字）。",
      en: "This school accepts mainland phone numbers only (11 digits starting with 1).",
    },
  },
  PHONE_COUNTRY_NOT_ALLOWED: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "本校只接受大陆手机号及以下国家和地区的手机号：{codes}。请换用这些号码，或联系学校管理员。",
      en: "This school accepts mainland numbers and numbers of these countries and regions only: {codes}. Use one of those, or contact your school's IT office.",
    },
  },
  PHONE_ALREADY_EXISTS: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "手机号码已存在：该手机号已被他人或您的旧账号使用，只有学校管理员可以转移。可将情况提交给运维老师处理。",
      en: "This phone number already exists: someone else, or your old account, uses it. Only the school's IT office can move it; you can send the case to the helpdesk.",
    },
  },
  PHONE_BOUND_TO_OTHER_ACCOUNT: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "手机号已绑定其他账号：所有成员的手机号必须唯一，请换一个手机号，或请使用该手机号的人员改绑其他手机号。",
      en: "This phone is bound to another account: every member's phone must be unique. Use another phone, or ask its holder to bind a different one.",
    },
  },
  ACCOUNT_BOUND_TO_OTHER_PHONE: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "账号已被其他手机号绑定并已关注：如需换绑，请先在「个人中心」点【解绑微信】（或用已关注的微信取消关注），再重新绑定。",
      en: "This account is already bound to another phone and followed: first tap “Unbind WeChat” in My account (or unfollow with that WeChat), then bind again.",
    },
  },
  PHONE_CHANGE_SAME_PHONE: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "这就是您现在的手机号，无需更换。请输入新的手机号。",
      en: "This is already your phone number, so there is nothing to change. Enter the new number.",
    },
  },
  UNBIND_NOTHING_TO_UNBIND: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "您还没有绑定手机号，也没有关注学校企业微信，无需解绑。如需关注，请回到「个人中心」继续认证。",
      en: "You have not bound a phone nor followed the school's WeCom, so there is nothing to unbind. To follow, go back to My account and continue.",
    },
  },
  SWITCH_IDENTITY_NOT_OFFERED: {
    trpc: "NOT_FOUND",
    http: 404,
    message: {
      zh: "无法切换到该身份：只能切换到本校证件号与您相同的其他学工号。请回到「个人中心」查看可切换的身份。",
      en: "You cannot switch to that identity: only to another account of this school with your ID number. Go back to My account to see the ones you can switch to.",
    },
  },
  SWITCH_IDENTITY_TARGET_FOLLOWS: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "该身份已经关注了学校企业微信（例如在企业微信 APP 中），无法再切换到它。请直接使用该身份已关注的微信或企业微信。",
      en: "That identity already follows the school's WeCom (in the WeCom app, for example), so you cannot switch to it. Use the WeChat or WeCom app it already follows with.",
    },
  },
  EMAIL_BINDING_NOT_ALLOWED: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "本校需要绑定手机号，请填写微信绑定的手机号（不能使用邮箱）。",
      en: "This school needs a phone number: enter the phone your WeChat is bound to (an e-mail address is not accepted).",
    },
  },
  EMAIL_INVALID: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "邮箱格式不正确，请检查后重新填写，如 name@example.com。",
      en: "This e-mail address is not valid. Check it, e.g. name@example.com.",
    },
  },
  RESET_TICKET_EXPIRED: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "找回密码的页面已过期（30 分钟）。请重新填写学工号和手机号（或邮箱），获取新的验证码。",
      en: "This password-reset page has expired (it lasts 30 minutes). Enter your account and phone (or e-mail) again to get a new code.",
    },
  },
  SECOND_VERIFICATION_EXPIRED: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "验证链接已过期或已使用（有效期 5 分钟）。请回到企业微信，重新点击身份验证通知。",
      en: "This verification link has expired or was already used (it lasts 5 minutes). Go back to WeCom and tap the verification notice again.",
    },
  },
  SECOND_VERIFICATION_NOT_NEEDED: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "您的账号无需二次验证，或已经验证过。关注后能看到“消息中心”等应用即表示已成功。",
      en: "Your account needs no second verification, or has passed it already. Seeing apps such as the message centre after following means you are in.",
    },
  },
  EMAIL_ALREADY_EXISTS: {
    trpc: "CONFLICT",
    http: 409,
    message: { zh: "该邮箱已被其他成员使用，请换一个邮箱。", en: "Another member uses this email address. Please use another one." },
  },
  WECOM_UNAVAILABLE: {
    trpc: "INTERNAL_SERVER_ERROR",
    http: 503,
    message: {
      zh: "暂时无法连接企业微信，请稍后重试；如持续失败请联系学校管理员。",
      en: "WeCom cannot be reached right now. Please try again later, or contact your school's IT office if it lasts.",
    },
  },
  RATE_LIMITED: {
    trpc: "TOO_MANY_REQUESTS",
    http: 429,
    message: {
      zh: "操作过于频繁，请 {seconds} 秒后再试。",
      en: "Too many attempts. Please wait {seconds} seconds and try again.",
    },
  },
  PAYLOAD_TOO_LARGE: {
    trpc: "PAYLOAD_TOO_LARGE",
    http: 413,
    message: {
      zh: "提交的内容过大（上限 {kib} KB），请删减后重试。",
      en: "What you sent is too large (the limit is {kib} KB). Please send less and try again.",
    },
  },
  // The school's branding (src/server/branding/): what to upload or pick instead.
  LOGO_NOT_AN_IMAGE: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "无法识别该 Logo：请上传 PNG 或 JPEG 图片（不超过 512 KB）。出于安全考虑不接受 SVG，也不按文件名判断格式。",
      en: "This logo is not an image the product takes. Please upload a PNG or JPEG (at most 512 KB). SVG is refused for safety, and the file's name does not decide its type.",
    },
  },
  BRAND_PRIMARY_UNREADABLE: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "主色 {colour} 上的白色文字对比度只有 {ratio}:1，至少需要 {needed}:1，否则标题栏和按钮上的字在手机上看不清。请选一个更深的颜色。",
      en: "White text on the primary colour {colour} has a contrast of only {ratio}:1; it needs at least {needed}:1, or the words on the title bar and buttons are unreadable on a phone. Please pick a darker colour.",
    },
  },
  BRAND_ACCENT_UNREADABLE: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "辅助色 {colour} 上的白色文字对比度只有 {ratio}:1，至少需要 {needed}:1（海报上的步骤序号用白字印在辅助色上）。请选一个更深的颜色。",
      en: "White text on the accent colour {colour} has a contrast of only {ratio}:1; it needs at least {needed}:1 (the poster prints its step numbers in white on the accent colour). Please pick a darker colour.",
    },
  },
  ACCOUNT_ALREADY_EXISTS: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "学工号已存在：本校已有成员使用学工号 {account}（学工号不区分大小写，如 T1001 与 t1001 视为同一个）。请核对后换一个，或编辑已有成员。",
      en: "This account number already exists: a member of this school uses {account} (account numbers ignore case, so T1001 and t1001 are the same). Check it and use another, or edit the existing member.",
    },
  },
  WECOM_USERID_TAKEN: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "未同步到企业微信：企业微信账号（UserID）{userid} 已属于本校另一名成员（学工号 {holder}），为免覆盖其资料已停止。请核对两名成员的学工号，改正后点【重试】。",
      en: "Not synced to WeCom: the WeCom user ID {userid} already belongs to another member of this school (account {holder}); stopped so their details are not overwritten. Check both members' account numbers, correct them, then press Retry.",
    },
  },
  WECOM_REJOIN_CONSENT_REQUIRED: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "该成员已激活企业微信：企业微信不允许管理员修改已激活成员的手机号（修改会被忽略）。要更换手机号，平台会在企业微信中删除该成员并用新手机号重新创建——原微信立即失去企业微信的访问权限，成员须用新手机号的微信重新关注。同意请勾选「确认重新加入企业微信」后再保存；否则请让成员在企业微信中自行修改手机号。",
      en: "This member has activated WeCom, and WeCom ignores an admin's change to an activated member's phone. To change it, the platform removes the member from WeCom and creates them again with the new phone: their old WeChat loses access to WeCom at once and they must follow again with the new phone's WeChat. To agree, tick \"Confirm re-joining WeCom\" and save again; otherwise ask the member to change the phone in WeCom themselves.",
    },
  },
  WECOM_PHONE_CHANGE_NEEDS_REJOIN: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "未同步到企业微信：成员 {account} 已激活企业微信，企业微信不接受对其手机号的修改，企业微信中仍是原手机号。请在成员编辑中勾选「确认重新加入企业微信」后再次保存（成员将被删除并用新手机号重新创建，须重新关注），或让成员在企业微信中自行修改手机号。",
      en: 'Not synced to WeCom: member {account} has activated WeCom, which does not accept a change to their phone; WeCom still has the old one. Edit the member, tick "Confirm re-joining WeCom" and save again (the member is removed and created again with the new phone, and must follow again), or ask the member to change the phone in WeCom themselves.',
    },
  },
  ID_NUMBER_INVALID: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "证件号码不正确：居民身份证号为 18 位（最后一位可为 X），且校验位须正确。请核对证件后重新填写。",
      en: "The ID number is not valid: a resident ID has 18 characters (the last may be X) with a correct check digit. Check the document and type it again.",
    },
  },
  MEMBER_NOT_LOCKED: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "该成员的登录没有被锁定，无需解锁。如成员仍无法登录，请核对其学工号，或请其使用统一身份认证的找回密码。",
      en: "This member's sign-in is not locked, so there is nothing to unlock. If they still cannot sign in, check their account number, or ask them to reset their password with the school's login.",
    },
  },
  FIX_PHONE_UNCHANGED: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "该成员的手机号已经是这个号码，无需保存。如成员仍无法关注，请点【重新同步到企业微信】，并查看企业微信状态。",
      en: "This member already has this phone number; nothing to save. If they still cannot follow, press “Resync to WeCom” and check the WeCom state.",
    },
  },
  FIX_PHONE_HELD_BY_OTHER: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "手机号码已存在：本校另一名成员（学工号 {account}）使用该手机号。请核对后用【转移手机号】把它从该账号转到本账号。",
      en: "This phone number already exists: another member of this school (account {account}) has it. Check, then use “Move the phone” to move it from that account to this one.",
    },
  },
  FIX_PHONE_NOT_HELD: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "本校没有其他成员使用该手机号，无需转移：请直接用【保存正确手机号】保存。",
      en: "No other member of this school has this phone number, so there is nothing to move: use “Save the correct phone” instead.",
    },
  },
  FIX_PHONE_IS_THIS_MEMBERS: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "该手机号已经属于本成员，无需转移。",
      en: "This phone number already belongs to this member; nothing to move.",
    },
  },
  FIX_MOVE_HOLDER_ACTIVATED: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "该手机号所在的账号（学工号 {account}）已激活企业微信，企业微信不接受管理员修改其手机号。转移会把该账号移出企业微信（其微信随即失去访问权限），本账号再用该手机号加入。同意请勾选「确认将原账号移出企业微信」后再确认转移。",
      en: "The account that has this phone (account {account}) has activated WeCom, which does not accept an admin's change to its phone. Moving the phone removes that account from WeCom (its WeChat loses access at once) and this account joins with the phone. To agree, tick “Confirm removing the old account from WeCom” and confirm again.",
    },
  },
  FIX_NOTHING_TO_CLEAR: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "该成员没有手机号和邮箱，无需清除。",
      en: "This member has neither a phone number nor an e-mail address; nothing to clear.",
    },
  },
  FIX_INVITE_NOT_IN_WECOM: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "该成员还不在企业微信通讯录中，无法邀请。请先保存其正确手机号（或邮箱）并点【重新同步到企业微信】，同步成功后再邀请。",
      en: "This member is not in the WeCom directory yet, so they cannot be invited. Save their correct phone (or e-mail) and press “Resync to WeCom” first; invite them once the sync has succeeded.",
    },
  },
  FIX_INVITE_ALREADY_ACTIVATED: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "该成员已激活企业微信（已关注），无需邀请。",
      en: "This member has already activated WeCom (follows it); no invitation is needed.",
    },
  },
  FIX_INVITE_RECENT: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "该成员 3 天内已被邀请过：企业微信会每天提醒一次、连续 3 天，重复邀请不会多发。请 3 天后仍未加入时，核对其手机号后再邀请。",
      en: "This member was invited in the last 3 days: WeCom reminds them once a day for 3 days, and inviting again sends nothing more. If they have not joined after 3 days, check their phone number and invite again.",
    },
  },
  FIX_RESYNC_NO_CONTACT: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "该成员没有手机号和邮箱，企业微信要求至少有其中之一，无法同步。请先用【保存正确手机号】保存其手机号。",
      en: "This member has neither a phone number nor an e-mail address, and WeCom needs one of them, so they cannot be synced. Save their phone with “Save the correct phone” first.",
    },
  },
  FIX_RESYNC_PENDING: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "该成员已有一个同步任务在排队或进行中，请稍候刷新查看结果，无需重复同步。",
      en: "A sync of this member is already waiting or running. Refresh in a moment to see its result; there is no need to sync again.",
    },
  },
  CROSS_SITE_REFUSED: {
    trpc: "FORBIDDEN",
    http: 403,
    message: {
      zh: "请求来自其他网站，已拒绝。请直接在本站页面中操作。",
      en: "This request came from another site and was refused. Please use this site's own pages.",
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    trpc: "UNSUPPORTED_MEDIA_TYPE",
    http: 415,
    message: {
      zh: "提交格式不受支持，请刷新页面后重试。",
      en: "This kind of submission is not supported. Please reload the page and try again.",
    },
  },
  METHOD_NOT_ALLOWED: {
    trpc: "METHOD_NOT_SUPPORTED",
    http: 405,
    message: {
      zh: "不支持该请求方式，请刷新页面后重试。",
      en: "This request method is not supported. Please reload the page and try again.",
    },
  },
  VENDOR_ADDRESS_NOT_ALLOWED: {
    trpc: "FORBIDDEN",
    http: 403,
    message: {
      zh: "平台运营控制台不接受来自当前网络地址（{address}）的访问。请从允许的网络（如公司内网或 VPN）访问，或请平台管理员将该地址加入 VENDOR_ALLOWED_ADDRESSES。",
      en: "The platform console is not reachable from this address ({address}). Connect from an allowed network (such as the office network or VPN), or ask the platform's operator to add it to VENDOR_ALLOWED_ADDRESSES.",
    },
  },
  SECOND_FACTOR_REQUIRED: {
    trpc: "FORBIDDEN",
    http: 403,
    message: {
      zh: "请先绑定身份验证器（两步验证）：打开 /vendor/enrol，用身份验证器扫描二维码并输入 6 位验证码。",
      en: "Set up your authenticator (two-step verification) first: open /vendor/enrol, scan the QR code with an authenticator app and enter its 6-digit code.",
    },
  },
  SECOND_FACTOR_CODE_WRONG: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "验证码不正确或已使用过，请输入身份验证器上当前显示的 6 位数字（检查手机时间是否准确）。",
      en: "The code is wrong or was already used. Enter the 6 digits your authenticator shows now (and check that your phone's clock is right).",
    },
  },
  SECOND_FACTOR_ENROLMENT_EXPIRED: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "该二维码已过期或已失效，请刷新页面，重新扫描新的二维码。",
      en: "This QR code has expired or is no longer valid. Reload the page and scan the new QR code.",
    },
  },
  INTERNAL: { trpc: "INTERNAL_SERVER_ERROR", http: 500, message: INTERNAL_ERROR_MESSAGE },
  SERVER_BUSY: {
    trpc: "TOO_MANY_REQUESTS",
    http: 429,
    message: {
      zh: "登录人数较多，请稍等几秒后再试。",
      en: "Many people are signing in right now. Please wait a few seconds and try again.",
    },
  },
  CANNOT_TARGET_SELF: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "不能对自己的账号执行此操作，请让学校的另一位管理员处理。",
      en: "You cannot do this to your own account. Please ask another administrator of your school.",
    },
  },
  TENANT_DELETE_SLUG_MISMATCH: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "输入的域名前缀与要删除的学校不一致，学校未删除。",
      en: "The slug typed is not the slug of the school to delete, so nothing was deleted.",
    },
  },
  PASSWORD_CHANGE_REQUIRED: {
    trpc: "FORBIDDEN",
    http: 403,
    message: {
      zh: "请先修改初始密码，再继续使用。",
      en: "Please change your initial password before you continue.",
    },
  },
  CURRENT_PASSWORD_WRONG: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "当前密码不正确，请重新输入。",
      en: "The current password is wrong. Please type it again.",
    },
  },
  WECOM_MESSAGE_TOO_LONG: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "消息内容过长：企业微信最多接受 {limit} 字节（约 {hanzi} 个汉字；字母和数字每个 1 字节），当前为 {bytes} 字节，超出部分会被企业微信截掉。请删减后再发送。",
      en: "The message text is too long: WeCom takes at most {limit} bytes (about {hanzi} Chinese characters; a letter or digit is 1 byte), and this one is {bytes} bytes, so WeCom would cut off the rest. Shorten it and send again.",
    },
  },
  WECOM_CARD_TOO_LONG: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "卡片消息过长：企业微信只接受标题 {titleLimit} 字节（约 {titleHanzi} 个汉字）、描述 {descriptionLimit} 字节（约 {descriptionHanzi} 个汉字）、按钮文字 {buttonLimit} 个字以内，当前标题 {titleBytes} 字节、描述 {descriptionBytes} 字节、按钮 {buttonCharacters} 个字，超出部分会被截掉。请删减后再发送。",
      en: "The card message is too long: WeCom takes a title of at most {titleLimit} bytes (about {titleHanzi} Chinese characters), a description of at most {descriptionLimit} bytes (about {descriptionHanzi}) and a button of at most {buttonLimit} characters; this one has {titleBytes}, {descriptionBytes} bytes and {buttonCharacters} characters, so WeCom would cut them off. Shorten it and send again.",
    },
  },
  // Verification codes (src/server/codes/): each refusal says what the member does next.
  CODE_WRONG: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "验证码错误，还可尝试 {remaining} 次。请核对最新收到的验证码。",
      en: "Wrong code. {remaining} tries left; check the latest code you received.",
    },
  },
  CODE_TOO_MANY_ATTEMPTS: {
    trpc: "TOO_MANY_REQUESTS",
    http: 429,
    message: {
      zh: "验证码错误次数过多，该验证码已失效，请重新获取验证码。",
      en: "Too many wrong tries: this code no longer works. Please ask for a new code.",
    },
  },
  CODE_EXPIRED: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: { zh: "验证码已过期，请重新获取。", en: "This code has expired. Please ask for a new code." },
  },
  CODE_ALREADY_USED: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "该验证码已使用过，如需再次验证请重新获取。",
      en: "This code has already been used. Ask for a new code if you need to confirm again.",
    },
  },
  CODE_NOT_REQUESTED: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "请先获取验证码，再输入收到的验证码。",
      en: "Ask for a code first, then enter the code you receive.",
    },
  },
  CODE_SUPERSEDED: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "已发送新的验证码，之前的验证码已失效，请输入最新收到的验证码。",
      en: "A new code has been sent and the earlier one no longer works. Enter the latest code you received.",
    },
  },
  CODE_RESEND_TOO_SOON: {
    trpc: "TOO_MANY_REQUESTS",
    http: 429,
    message: { zh: "请 {seconds} 秒后再获取验证码。", en: "Please wait {seconds} seconds before asking for another code." },
  },
  CODE_DAILY_LIMIT: {
    trpc: "TOO_MANY_REQUESTS",
    http: 429,
    message: {
      zh: "今日获取验证码次数已达上限，请明天再试。",
      en: "This number or address has had the most codes allowed today. Please try again tomorrow.",
    },
  },
  CODE_ADDRESS_DAILY_LIMIT: {
    trpc: "TOO_MANY_REQUESTS",
    http: 429,
    message: {
      zh: "当前网络今日获取验证码次数已达上限，请明天再试，或关闭 WiFi 改用手机流量后重试。",
      en: "Too many codes were asked for from this network today. Try again tomorrow, or turn off Wi-Fi and use mobile data.",
    },
  },
  CODE_SCHOOL_BUDGET_SPENT: {
    trpc: "TOO_MANY_REQUESTS",
    http: 429,
    message: {
      zh: "本校今日可发送的验证码短信已用完，请明天再试；如急需绑定，请联系学校管理员（可在管理后台调高每日短信预算）。",
      en: "Your school has sent all the code messages it allows today. Please try again tomorrow; if it is urgent, contact your school's IT office (they can raise the daily message budget in the back office).",
    },
  },
  CODE_PLATFORM_BUDGET_SPENT: {
    trpc: "TOO_MANY_REQUESTS",
    http: 429,
    message: {
      zh: "平台今日可发送的验证码短信已达上限，请明天再试；如急需，请联系学校管理员转告平台运营方。",
      en: "The platform has sent all the code messages it allows today. Please try again tomorrow; if it is urgent, ask your school's IT office to contact the platform's operator.",
    },
  },
  MEMBER_DAILY_VALUES_LIMIT: {
    trpc: "TOO_MANY_REQUESTS",
    http: 429,
    message: {
      zh: "您今天已尝试了 {limit} 个不同的手机号或邮箱，为保护他人信息，今天不能再尝试新的号码。请明天再试；已尝试过的号码仍可继续使用，如有疑问请联系学校管理员。",
      en: "You have tried {limit} different phone numbers or addresses today; to protect other people's information, no new one can be tried until tomorrow. The ones you already tried still work; contact your school's IT office if you need help.",
    },
  },
  CODE_PHONE_TOO_FREQUENT: {
    trpc: "TOO_MANY_REQUESTS",
    http: 429,
    message: {
      zh: "该手机号短时间内收到的短信过多，请稍后再试（最长约 1 小时）。",
      en: "This phone has received too many messages in a short time. Please try again later (within about an hour).",
    },
  },
  CODE_PHONE_UNREACHABLE: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "短信无法发送到该手机号，请检查号码是否正确；境外手机号请在国际区号前加 00，如 0085291234567。",
      en: "No text message can be sent to this number. Check it; for a foreign number type 00 before the country code, e.g. 0085291234567.",
    },
  },
  CODE_PHONE_BLOCKED: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "该手机号暂时无法接收短信（可能曾退订短信或被运营商拦截），请换用其他手机号，或联系学校管理员。",
      en: "This phone cannot receive text messages right now (it may have unsubscribed or been blocked by its carrier). Use another phone, or contact your school's IT office.",
    },
  },
  CODE_EMAIL_UNREACHABLE: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "邮件无法发送到该邮箱（对方邮件服务器回复此地址不存在），请检查邮箱地址是否填写正确。",
      en: "No e-mail can be sent to this address (its mail server says it does not exist). Check the address you typed.",
    },
  },
  CODE_FOREIGN_PHONE_UNSUPPORTED: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "暂不能向境外手机号发送短信验证码，请改用大陆手机号，或联系学校管理员。",
      en: "Codes cannot be sent to phone numbers outside the Chinese mainland yet. Use a mainland number, or contact your school's IT office.",
    },
  },
  CODE_SMS_NOT_CONFIGURED: {
    trpc: "INTERNAL_SERVER_ERROR",
    http: 503,
    message: {
      zh: "平台尚未开通短信验证码服务，暂时无法获取验证码，请联系学校管理员。",
      en: "Text-message codes are not set up on this platform yet, so no code can be sent. Please contact your school's IT office.",
    },
  },
  CODE_EMAIL_NOT_CONFIGURED: {
    trpc: "INTERNAL_SERVER_ERROR",
    http: 503,
    message: {
      zh: "平台尚未开通邮件验证码服务，暂时无法获取验证码，请联系学校管理员。",
      en: "E-mail codes are not set up on this platform yet, so no code can be sent. Please contact your school's IT office.",
    },
  },
  CODE_DELIVERY_FAILED: {
    trpc: "INTERNAL_SERVER_ERROR",
    http: 503,
    message: {
      zh: "验证码发送失败，请稍后重新获取；如仍失败请联系学校管理员。",
      en: "The code could not be sent. Please ask for a new one later, or contact your school's IT office if it keeps failing.",
    },
  },
  CODE_DELIVERY_UNCERTAIN: {
    trpc: "INTERNAL_SERVER_ERROR",
    http: 503,
    message: {
      zh: "验证码可能未能送达：如已收到请直接输入；如未收到，请 {seconds} 秒后重新获取。",
      en: "The code may not have arrived: if you received it, enter it; if not, ask for a new one in {seconds} seconds.",
    },
  },
  // The roster import (src/server/members/roster/): what is wrong with the file, and what to do.
  ROSTER_EMPTY: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: { zh: "文件是空的，请选择名单文件后重试。", en: "The file is empty. Please choose the roster file and try again." },
  },
  ROSTER_XLS_BINARY: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "这是旧版 Excel 文件（.xls）。请在 Excel 中“另存为” Excel 工作簿（.xlsx）或 CSV UTF-8 后再上传。",
      en: "This is an old Excel file (.xls). In Excel, use Save As → Excel Workbook (.xlsx) or CSV UTF-8, then upload that.",
    },
  },
  ROSTER_NOT_A_ROSTER: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "无法识别该文件：请上传 Excel 工作簿（.xlsx）或 CSV 文件（UTF-8 或 GBK）。",
      en: "This file is not one the import reads. Please upload an Excel workbook (.xlsx) or a CSV file (UTF-8 or GBK).",
    },
  },
  ROSTER_UNREADABLE: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "文件内容无法读取（可能已损坏或受密码保护）。请在 Excel 中打开并重新保存为 .xlsx 或 CSV 后再上传。",
      en: "The file's content could not be read (it may be damaged or password-protected). Open it in Excel, save it again as .xlsx or CSV, and upload that.",
    },
  },
  ROSTER_TOO_MANY_ROWS: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "文件超过 {max} 行，请拆分为多个文件分别导入。",
      en: "The file has more than {max} rows. Please split it into several files and import them one by one.",
    },
  },
  ROSTER_MAPPING_INCOMPLETE: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "还没有指定哪一列是「{fields}」，请在列对应中选择后再预览。",
      en: "No column is chosen for “{fields}” yet. Choose it in the column mapping, then preview again.",
    },
  },
  ROSTER_NOT_PREVIEWED: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "该导入已开始或已结束，无法再次确认。请查看其进度，或重新上传文件。",
      en: "This import has already started or ended, so it cannot be confirmed again. See its progress, or upload the file again.",
    },
  },
  ROSTER_IMPORT_RUNNING: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "本校已有一个导入正在进行，请等它完成后再开始下一个。",
      en: "An import of this school is already running. Please wait for it to finish before starting the next.",
    },
  },
  ROSTER_MISSING_NOT_LATEST: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "只能删除最近一次完成的导入中文件没有的成员：请在最近一次导入的报告中操作。",
      en: "Only the members missing from the latest finished import can be deleted: use that import's report.",
    },
  },
  ROSTER_MISSING_CHANGED: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "通讯录已有变化，现有 {count} 名文件中没有的成员，未删除任何成员。请重新确认。",
      en: "The directory has changed: {count} members are now missing from the file, and none was deleted. Please confirm again.",
    },
  },
  ROSTER_NOTHING_TO_IMPORT: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "没有可导入的行：请按报告修改文件后重新上传。",
      en: "No row can be imported. Please fix the file as the report says and upload it again.",
    },
  },
  ...ACTIVATION_ERRORS,
  ...HALL_ERRORS,
} as const satisfies Record<string, ErrorCatalogEntry>;

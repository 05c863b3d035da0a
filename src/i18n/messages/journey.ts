// The member journey's pages: join (scan, choose identity), bind phone, follow, second
// verification and done. The labels and messages the manuals quote are quoted exactly:
// 【在校师生】【考生】 (the identity kinds' own names), 统一身份认证, 「您当前的手机号」,
// 「当前没有绑定手机号」, 「务必使用微信绑定的手机号」, 【下一步】, 「长按识别二维码关注」,
// 【关注身份验证】, 【获取验证码】, 【验证】, 「关注成功」.
import type { Messages } from "./types";

export const journey = {
  // /join
  joinTitle: { zh: "用户注册", en: "Register" },
  chooseIdentity: { zh: "请选择你的身份", en: "Choose who you are" },
  signInWith: { zh: "下一步用学校统一身份认证登录", en: "Next you sign in with your school's unified login (统一身份认证)" },
  steps: { zh: "统一身份认证 → 绑定手机号 → 关注企业号", en: "Unified login → bind your phone → follow the enterprise account" },
  outsideWechat: {
    zh: "请在微信中打开本页：用手机微信“扫一扫”下方二维码继续（关注企业号需要在微信中完成）。",
    en: "Please open this page in WeChat: scan the QR code below with WeChat on your phone (following the enterprise account happens in WeChat).",
  },
  scanWithWechat: { zh: "用微信扫一扫", en: "Scan with WeChat" },
  continueHere: { zh: "仍在此浏览器中继续", en: "Continue in this browser anyway" },
  wrongSchool: {
    zh: "扫描的二维码不对：这是「{name}」的二维码，不是「{here}」的。请前往「{name}」继续，或关闭本页，重新扫描本校的二维码。",
    en: "Wrong QR code: this is the QR code of {name}, not of {here}. Go on at {name}, or close this page and scan your own school's QR code.",
  },
  goToSchool: { zh: "前往「{name}」", en: "Go to {name}" },
  invalidLink: {
    zh: "二维码无法识别：它不是本平台的二维码，或已被改动。如果您是「{here}」的师生，可在本页继续。",
    en: "This QR code is not recognised: it is not one of this platform's, or it was altered. If you belong to {here}, you can go on here.",
  },
  continueJourney: { zh: "继续认证", en: "Continue" },
  alreadyFollowed: {
    zh: "您已关注{here}企业微信，无需再次认证。查看账号、解绑微信或修改密码，请进入个人中心。",
    en: "You already follow {here}'s WeCom: there is nothing more to do here. To see your account, unbind your WeChat or change your password, open My account.",
  },

  // /bind-phone
  bindTitle: { zh: "绑定手机号", en: "Bind your phone" },
  currentPhone: { zh: "您当前的手机号", en: "Your current phone" },
  noPhone: { zh: "当前没有绑定手机号", en: "No phone bound yet" },
  // The bind page says each thing once: the manuals' 「务必使用微信绑定的手机号」, where WeChat shows
  // that number, and (where the school takes them) how to type a foreign number, under the field.
  mustBeWechatPhone: { zh: "务必使用微信绑定的手机号", en: "Use the phone your WeChat is bound to" },
  mustBeWechatPhoneOrEmail: { zh: "务必使用微信绑定的手机号或邮箱", en: "Use the phone or e-mail address your WeChat is bound to" },
  wechatPhoneWhere: {
    zh: "可在微信“我 → 设置 → 账号与安全”中查看。关注企业号和登录企业微信都凭它。",
    en: "WeChat shows it under Me → Settings → Account Security. It is how you follow the enterprise account and sign in to WeCom.",
  },
  phoneLabel: { zh: "手机号", en: "Phone" },
  phoneOrEmailLabel: { zh: "手机号或邮箱", en: "Phone or e-mail" },
  phonePlaceholder: { zh: "11 位手机号", en: "11-digit phone number" },
  foreignHint: {
    zh: "境外手机号请在国际区号前加 00，如 0085291234567。",
    en: "For a foreign number type 00 before the country code, e.g. 0085291234567.",
  },
  getCode: { zh: "获取验证码", en: "Get code" },
  codeLabel: { zh: "验证码", en: "Code" },
  codePlaceholder: { zh: "短信验证码", en: "Code from the text message" },
  codeSent: { zh: "验证码已发送至 {to}，{minutes} 分钟内有效。", en: "A code was sent to {to}; it is valid for {minutes} minutes." },
  codeSentEmail: {
    zh: "验证码已发送至邮箱 {to}，{minutes} 分钟内有效。",
    en: "A code was sent to {to}; it is valid for {minutes} minutes.",
  },
  resendIn: { zh: "{seconds} 秒后可重新获取", en: "You can ask again in {seconds} s" },
  next: { zh: "下一步", en: "Next" },
  // A refusal on the bind page, said once: what happened and what to do next (in place of the catalogue's words).
  refusedPhoneBound: {
    zh: "手机号已绑定其他账号。请换一个手机号（建议使用微信绑定的手机号），或请使用该手机号的人员改绑其他手机号。",
    en: "This phone is bound to another account. Use another phone (best the one your WeChat is bound to), or ask the person using this number to bind a different one.",
  },
  refusedAccountBound: {
    zh: "账号已被其他手机号绑定并已关注。请先在「个人中心」点【解绑微信】，或在微信中取消关注：微信 → 通讯录 → 我的企业 →「{school}」→ 右上角 → 设置 → 不再关注；之后重新绑定新的手机号。",
    en: "This account is already bound to another phone and followed. First tap “Unbind WeChat” in My account, or unfollow in WeChat: WeChat → Contacts → My companies → {school} → top right → Settings → Unfollow (不再关注). Then bind the new phone.",
  },
  refusedAlreadyExists: {
    zh: "手机号码已存在：该手机号已被他人或您的旧账号使用，只有学校管理员可以转移。可提交给运维老师，处理后即可用该手机号绑定；也可以换一个手机号继续。",
    en: "This phone number already exists: someone else, or your old account, uses it, and only the school's IT office can move it. Send the case to the helpdesk and bind once they have; or use another phone now.",
  },
  helpdeskNote: { zh: "补充说明（可不填）", en: "Anything to add (optional)" },
  sendToHelpdesk: { zh: "提交给运维老师", en: "Send to the helpdesk" },
  helpdeskSent: {
    zh: "已提交给运维老师。处理后，回到本页即可用该手机号绑定。",
    en: "Sent to the helpdesk. Once they have moved the number, come back here and bind it.",
  },
  helpdeskAlreadyOpen: {
    zh: "该问题已提交过，运维老师正在处理，请耐心等待。",
    en: "This case was sent already; the helpdesk is on it.",
  },
  helpdeskNotNeeded: { zh: "该手机号现在可以直接绑定，请点【下一步】。", en: "This number can be bound now: tap Next." },

  // /follow
  followTitle: { zh: "关注企业号", en: "Follow the enterprise account" },
  syncing: {
    zh: "正在把您的信息写入「{school}」的企业微信通讯录，通常只需几秒钟，本页会自动更新。",
    en: "Writing your details into {school}'s WeCom directory; it usually takes a few seconds and this page updates by itself.",
  },
  syncFailed: {
    zh: "您的信息暂时未能写入企业微信通讯录。",
    en: "Your details could not be written into the WeCom directory yet.",
  },
  syncFailedPhoneExists: {
    zh: "手机号码已存在：企业微信通讯录中已有其他成员使用该手机号，只有学校管理员可以处理。",
    en: "This phone number already exists: another member of the WeCom directory uses it, and only the school's IT office can sort it out.",
  },
  syncFailedOther: {
    zh: "平台会自动重试；如长时间仍未成功，请提交给运维老师。",
    en: "The platform keeps trying; if it still fails after a while, send the case to the helpdesk.",
  },
  boundPhone: { zh: "绑定的手机号：{phone}", en: "Bound phone: {phone}" },
  changePhone: { zh: "换一个手机号", en: "Use another phone" },
  qrCaption: { zh: "长按识别二维码关注", en: "Long-press the QR code to follow" },
  qrAlt: { zh: "「{school}」企业号关注二维码", en: "{school} enterprise account follow QR code" },
  qrUnavailable: {
    zh: "暂时无法获取关注二维码，请稍后刷新本页；如持续失败请联系学校管理员。",
    en: "The follow QR code cannot be fetched right now. Reload this page in a moment, or contact your school's IT office if it lasts.",
  },
  directFollow: {
    zh: "如果您的微信绑定的手机号就是 {phone}，长按识别后即可直接关注成功，无需验证。",
    en: "If your WeChat is bound to {phone}, long-press the code and you are in at once, with no verification.",
  },
  verifyTitle: { zh: "微信绑定的不是这个手机号？", en: "Your WeChat is bound to another phone?" },
  verifyStep1: { zh: "长按识别上方二维码，关注企业号；", en: "Long-press the QR code above to follow the enterprise account;" },
  verifyStep2: {
    zh: "进入【{assistant}】，选择【关注身份验证】；",
    en: "Open 【{assistant}】 and choose 【关注身份验证】 (follow verification);",
  },
  verifyStep3: {
    zh: "填写手机号 {phone}（必须与本页绑定的手机号一致，否则会提示「该手机号不存在于企业通讯录中」）；",
    en: "Enter the phone {phone} (it must be the one bound here, or WeCom says 「该手机号不存在于企业通讯录中」, not in the directory);",
  },
  verifyStep4: { zh: "点【获取验证码】，填写收到的短信验证码；", en: "Tap 【获取验证码】 (get code) and type the code you receive;" },
  verifyStep5: { zh: "点【验证】，即关注成功。", en: "Tap 【验证】 (verify): you are in." },
  secondCodeWhy: {
    zh: "您刚才已用本平台的验证码确认过这个手机号；这里的验证码由企业微信另行发送，用于确认是本人关注，请填写企业微信短信中的新验证码。",
    en: "You confirmed this phone with our code a moment ago; this code is a separate one WeCom sends to make sure it is you who follows: type the new code from WeCom's text message.",
  },
  verifiedByOther: {
    zh: "如提示「手机号已被其他成员验证」：这个手机号已被别人用于关注验证。请点“换一个手机号”，绑定您自己正在使用的手机号后再验证。",
    en: "If WeCom says 「手机号已被其他成员验证」 (verified by another member): someone else verified with this number. Tap “Use another phone”, bind the number you use, then verify again.",
  },
  secondVerificationHint: {
    zh: "关注后，企业微信会推送一条身份验证通知，点击该通知进行统一身份认证即可完成（二次验证）。",
    en: "After you follow, WeCom sends you a verification notice: tap it and sign in with the unified login to finish (second verification).",
  },
  waitingForFollow: { zh: "关注后，本页会自动显示结果。", en: "Once you follow, this page shows it by itself." },
  refresh: { zh: "刷新", en: "Reload" },

  // /done
  doneTitle: { zh: "关注成功", en: "Followed" },
  doneLead: {
    zh: "您已成功关注「{school}」企业号。在微信“通讯录 → 我的企业”中打开「{school}」，即可使用以下应用：",
    en: "You now follow {school}'s enterprise account. Open {school} under WeChat → Contacts → My companies to use these apps:",
  },
  appsTitle: { zh: "您可以使用的应用", en: "Your apps" },
  delayHint: {
    zh: "如果仍只看到「{assistant}」一个应用，请退出微信，稍后重新进入查看（企业微信的状态同步可能有延时）。",
    en: "If you still see only {assistant}, quit WeChat and look again in a little while (WeCom can be slow to update).",
  },
  toMyAccount: { zh: "个人中心", en: "My account" },

  // /verify (二次验证)
  verifyPageTitle: { zh: "二次验证", en: "Second verification" },
  verifyOtherAccount: {
    zh: "企业微信要求以账号 {account} 完成身份验证，而您当前登录的是 {current}。请点【不是我，换个账号】，用账号 {account} 登录后，回到企业微信重新点击身份验证通知。",
    en: "WeCom asks account {account} to verify, but you are signed in as {current}. Tap “Not me, switch account”, sign in as {account}, then tap the verification notice in WeCom again.",
  },
  verifyFailed: { zh: "身份验证未完成", en: "Verification not finished" },
  verifyConfirmQuestion: {
    zh: "您正在完成企业微信身份验证：账号 {account}，是本人操作吗？",
    en: "You are completing WeCom's identity verification for account {account}. Is this you?",
  },
  verifyConfirmWarning: {
    zh: "只有您本人刚在微信中关注了企业号、并点开了企业微信发来的身份验证通知时才点下面的按钮。如果这个链接是别人发给您的，请不要点，直接关闭本页：点了会让对方的微信以您的身份加入。",
    en: "Tap the button only if you yourself have just followed the enterprise account in WeChat and opened WeCom's verification notice. If someone else sent you this link, do not tap it: close this page, or their WeChat would join as you.",
  },
  verifyConfirmButton: { zh: "是本人，完成验证", en: "Yes, it's me: verify" },

  // /me
  wecomState: { zh: "企业微信", en: "WeCom" },
  "state.ACTIVATED": { zh: "已关注", en: "Followed" },
  "state.NOT_ACTIVATED": { zh: "未关注", en: "Not followed yet" },
  "state.DISABLED": { zh: "已禁用", en: "Disabled" },
  "state.LEFT": { zh: "已退出企业", en: "Left the company" },
  "state.UNSUBSCRIBED": { zh: "已取消关注", en: "Unfollowed" },
  "state.NOT_IN_WECOM": { zh: "尚未加入企业微信通讯录", en: "Not in the WeCom directory yet" },
  "state.OUT_OF_RANGE": { zh: "暂不可用，请联系学校管理员", en: "Not available; contact your school's IT office" },
  "state.NONE": { zh: "尚未开始", en: "Not started" },
  "step.bind": { zh: "下一步：绑定手机号", en: "Next: bind your phone" },
  "step.syncing": { zh: "正在写入企业微信通讯录", en: "Being written into the WeCom directory" },
  "step.syncFailed": { zh: "未能写入企业微信通讯录", en: "Could not be written into the WeCom directory" },
  "step.follow": { zh: "下一步：关注企业号", en: "Next: follow the enterprise account" },
  "step.done": { zh: "关注成功", en: "Followed" },
} as const satisfies Messages;

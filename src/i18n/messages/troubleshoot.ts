// 自助排查 (/me/troubleshoot): the one case that applies and what to do, in the manuals' words
// (UCAS FAQ 5, 6; SUES 1.2 note 3; UESTC FAQ 1), and the links to it from /done, /me and /follow.
import type { Messages } from "./types";

export const troubleshoot = {
  title: { zh: "自助排查", en: "Troubleshooting" },
  link: { zh: "看不到应用？自助排查", en: "Cannot see the apps? Troubleshoot" },
  lead: {
    zh: "我们查看了您在本平台和学校企业微信中的状态，结论如下。",
    en: "We looked at your state here and in the school's WeCom. This is what we found.",
  },
  question: { zh: "您在微信里看到的是？", en: "What do you see in WeChat?" },
  "seen.nothing": {
    zh: "还没关注，或在微信「通讯录」里找不到学校的企业号",
    en: "I have not followed yet, or cannot find the school's enterprise account in WeChat's Contacts",
  },
  "seen.assistantOnly": {
    zh: "已关注，但只看到「{assistant}」一个应用",
    en: "I followed, but I see only {assistant}",
  },
  "seen.noNotice": {
    zh: "在等二次验证（身份验证）的消息，一直没收到",
    en: "I am waiting for the second-verification notice and it never came",
  },
  check: { zh: "按此重新排查", en: "Check again with this" },

  "case.notBound.title": { zh: "还没有绑定手机号", en: "No phone bound yet" },
  "case.notBound.body": {
    zh: "请先绑定您微信所绑定的手机号，平台才能把您写入学校的企业微信通讯录。",
    en: "First bind the phone your WeChat is bound to, so the platform can put you in the school's WeCom directory.",
  },
  "case.syncFailed.title": { zh: "未能写入企业微信通讯录", en: "Could not be written into the WeCom directory" },
  "case.syncFailed.body": {
    zh: "平台把您写入企业微信时失败了。点下面的按钮重新写入；约一分钟后回到本页查看。",
    en: "Writing you into WeCom failed. Press the button below to write it again, then come back in about a minute.",
  },
  "case.syncFailed.phoneExists": {
    zh: "企业微信说这个手机号已被通讯录中的另一位成员使用，只有运维老师能处理。请提交给运维老师。",
    en: "WeCom says this phone is used by another member of the directory; only the helpdesk can fix it. Please send it to them.",
  },
  "case.catchingUp.title": { zh: "企业微信还没有更新", en: "WeCom has not caught up yet" },
  "case.catchingUp.body": {
    zh: "一切正常，只是企业微信的状态同步有延时。请退出微信，在 {time}（北京时间）之后重新进入查看。",
    en: "Nothing is wrong; WeCom is just slow to update. Quit WeChat and look again after {time} (China time).",
  },
  "case.notActivated.title": {
    zh: "还未激活：还没有关注学校的企业号",
    en: "Not activated: you have not followed the school's enterprise account",
  },
  "case.notActivated.body": {
    zh: "您已在学校的企业微信通讯录中，但企业微信显示您还未激活。请到关注页长按识别二维码关注；也可以让企业微信重新给手机号 {phone} 发送邀请。",
    en: "You are in the school's WeCom directory, but WeCom says you have not activated yet. Open the follow page and long-press the QR code to follow, or have WeCom send the invitation to {phone} again.",
  },
  "case.phoneNotWechats.title": {
    zh: "绑定的手机号不是您这个微信绑定的手机号",
    en: "The phone bound here is not the one your WeChat is bound to",
  },
  "case.phoneNotWechats.body": {
    zh: "您在本平台绑定的是 {phone}。企业微信只让绑定了这个手机号的微信直接关注，其他微信只能看到「{assistant}」。请任选其一：在「{assistant}」中点【关注身份验证】，输入 {phone} 并填写短信验证码；或把本平台绑定的手机号改成您微信绑定的手机号（微信「我 → 设置 → 账号与安全」中可查看）。",
    en: "You bound {phone} here. WeCom lets only the WeChat bound to that phone follow directly; any other WeChat sees only {assistant}. Either open {assistant}, tap 关注身份验证, enter {phone} and the SMS code; or change the phone bound here to the one your WeChat is bound to (WeChat: Me → Settings → Account Security).",
  },
  "case.followsAsOther.title": { zh: "这个微信已作为您的另一个账号关注", en: "This WeChat already follows as your other account" },
  "case.followsAsOther.body": {
    zh: "企业微信显示您的另一个账号 {account} 已关注学校的企业号。一个微信只能关注一个账号：请用 {account} 登录，在个人中心点【切换身份】选当前账号，无需解绑微信。",
    en: "WeCom says your other account {account} already follows the school's enterprise account. One WeChat can follow one account only: sign in as {account} and choose this account under Switch identity in My account; no need to unbind WeChat.",
  },
  "case.verificationPending.title": { zh: "等待二次验证", en: "Second verification pending" },
  "case.verificationPending.body": {
    zh: "您已关注，企业微信正在等您完成二次验证：打开企业号中的身份验证消息，按提示登录并点【确认】。完成后即可看到全部应用。",
    en: "You followed, and WeCom waits for your second verification: open the verification notice in the enterprise account, sign in as it asks and press Confirm. Then you will see every app.",
  },
  "case.verificationNotNeeded.title": { zh: "无需二次验证：您已激活", en: "No second verification needed: you are activated" },
  "case.verificationNotNeeded.body": {
    zh: "并不是所有账号都需要二次验证。企业微信显示您已激活，所以不会收到验证消息；看得到「消息中心」等应用即已激活。",
    en: "Not every account needs a second verification. WeCom says you are activated, so no notice will come; if you can see apps such as 消息中心, you are activated.",
  },
  "case.noticeMissing.title": { zh: "没有收到二次验证的消息", en: "The verification notice never arrived" },
  "case.noticeMissing.body": {
    zh: "请在微信中取消关注学校的企业号（微信 → 通讯录 → 学校的企业号 → 右上角 → 设置 → 不再关注），再到关注页重新扫码关注，企业微信会重新发送验证消息。",
    en: "Unfollow the school's enterprise account in WeChat (Contacts → the school → top right → Settings → Unfollow), then scan the QR code on the follow page again: WeCom sends the notice again.",
  },
  "case.onlyAssistant.title": { zh: "已关注，但只看到「{assistant}」", en: "You follow, but see only {assistant}" },
  "case.onlyAssistant.body": {
    zh: "企业微信显示您已激活。您的身份在企业号中可使用的应用：{apps}。如果仍只看到「{assistant}」，可能是这些应用的可见范围没有包含您所在的部门，只有运维老师能调整：请提交给运维老师。",
    en: "WeCom says you are activated. The apps your identity has in the enterprise account: {apps}. If you still see only {assistant}, these apps' visible range may not include your department, which only the helpdesk can change: please send it to them.",
  },
  "case.onlyAssistant.noApps": {
    zh: "您的身份在企业号中只有「{assistant}」一个应用，这是正常的，无需处理。",
    en: "Your identity has only {assistant} in the enterprise account. That is expected; nothing needs fixing.",
  },
  "case.allGood.title": { zh: "已关注成功", en: "You follow" },
  "case.allGood.body": {
    zh: "企业微信显示您已激活。若仍有问题，请在上面选择您看到的情况，重新排查。",
    en: "WeCom says you are activated. If something is still wrong, pick what you see above and check again.",
  },
  "case.helpdesk.title": { zh: "需要运维老师处理", en: "The helpdesk needs to handle this" },
  "case.helpdesk.body": {
    zh: "我们没有找到您能自行处理的原因。请提交给运维老师，排查结果会一并发送，无需重复说明。",
    en: "We found nothing you can fix yourself. Send it to the helpdesk: what we found goes with it, so you need not explain again.",
  },

  "action.bindPhone": { zh: "去绑定手机号", en: "Bind a phone" },
  "action.changePhone": { zh: "更换绑定的手机号", en: "Change the bound phone" },
  "action.rerunSync": { zh: "重新写入企业微信", en: "Write into WeCom again" },
  "action.resendInvitation": { zh: "重新发送邀请", en: "Send the invitation again" },
  "action.follow": { zh: "去关注页", en: "To the follow page" },
  "action.unbind": { zh: "解绑微信", en: "Unbind WeChat" },
  "action.signInAsOther": { zh: "用 {account} 登录", en: "Sign in as {account}" },
  "action.lookAgain": { zh: "到时重新排查", en: "Check again then" },
  "action.helpdesk": { zh: "提交给运维老师", en: "Send to the helpdesk" },
  helpdeskNote: { zh: "补充说明（选填）", en: "Anything to add (optional)" },
  orFollow: { zh: "或现在去关注页扫码关注", en: "Or scan the QR code on the follow page now" },

  "done.invited": {
    zh: "已请企业微信重新发送邀请，请留意手机短信或微信消息。",
    en: "WeCom was asked to send the invitation again: watch for an SMS or a WeChat message.",
  },
  "done.inviteRecent": {
    zh: "3 天内已发过邀请：企业微信每天会提醒一次、连续 3 天，重复发送不会多发。请直接到关注页扫码关注。",
    en: "An invitation was sent in the last 3 days: WeCom reminds you daily for 3 days and sending again adds nothing. Scan the QR code on the follow page instead.",
  },
  "done.resynced": {
    zh: "已重新提交写入，约一分钟后本页会显示结果。",
    en: "Queued to be written again; this page shows the result in about a minute.",
  },
  "done.syncPending": {
    zh: "写入任务已在排队或进行中，请稍候刷新查看，无需重复提交。",
    en: "The write is already waiting or running: reload in a moment, there is no need to press again.",
  },
  "done.sent": {
    zh: "已提交给运维老师，处理结果会显示在个人中心。",
    en: "Sent to the helpdesk; the answer will show in My account.",
  },
  "done.alreadyOpen": {
    zh: "您已提交过，运维老师正在处理，结果会显示在个人中心，无需重复提交。",
    en: "You already sent it and the helpdesk is on it; the answer will show in My account, no need to send it again.",
  },
  "done.failed": { zh: "暂时无法完成，请稍后重试。", en: "That did not work just now. Please try again later." },

  findingsTitle: { zh: "排查依据", en: "What we checked" },
  "finding.bound": { zh: "绑定的手机号", en: "Bound phone" },
  "finding.wecomNow": { zh: "企业微信刚才的答复", en: "WeCom's answer just now" },
  "finding.wecomRecorded": { zh: "此前记录的状态", en: "State recorded before" },
  "finding.sync": { zh: "最近一次写入企业微信", en: "Latest write into WeCom" },
  "finding.liveError.notInWecom": { zh: "不在通讯录中", en: "Not in the directory" },
  "finding.liveError.unavailable": { zh: "暂时无法查询", en: "Could not be asked just now" },
  "finding.liveError.tooOften": { zh: "查询过于频繁，稍后再查", en: "Asked too often; later" },
  "finding.none": { zh: "—", en: "—" },
  "sync.QUEUED": { zh: "排队中", en: "Waiting" },
  "sync.ACTIVE": { zh: "进行中", en: "Running" },
  "sync.RETRYING": { zh: "等待重试", en: "Waiting to retry" },
  "sync.DONE": { zh: "已完成", en: "Done" },
  "sync.FAILED": { zh: "失败", en: "Failed" },

  // The follow page, when the write into the directory takes longer than it should.
  syncSlow: {
    zh: "写入企业微信通讯录比平时慢（已超过 1 分钟），可能是企业微信暂时繁忙。本页仍会自动更新；也可以自助排查。",
    en: "Writing you into the WeCom directory is slower than usual (over a minute); WeCom may be busy. This page still updates by itself, or you can troubleshoot.",
  },
  followStuck: { zh: "已关注，但本页一直没有变化？自助排查", en: "Followed, but this page does not change? Troubleshoot" },
} as const satisfies Messages;

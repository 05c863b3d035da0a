// The demo schools' help pages and contacts, in the project's own words, on the topics their manuals'
// FAQs raise. Seeded when missing only: a school's later edits survive a restart.
import type { PrismaClient } from "~/generated/prisma/client";
import { tenantDb } from "~/server/db/tenant-db";

type DemoHelpPage = { slug: string; titleZh: string; titleEn: string; bodyZh: string; bodyEn: string };

/**
 * The school's office as its manual names it (IMUT 6576286, UESTC 028-61831184). The other manuals
 * name none, so those demo schools get a reserved .example address (RFC 2606) and no number: never a
 * number someone might really answer.
 */
export const DEMO_CONTACTS: Record<string, { phone: string; email: string; hoursZh: string; hoursEn: string }> = {
  ucas: {
    phone: "",
    email: "helpdesk@ucas.example",
    hoursZh: "工作日 8:30–17:00（网络信息中心）",
    hoursEn: "Weekdays 8:30–17:00 (IT centre)",
  },
  sues: {
    phone: "",
    email: "helpdesk@sues.example",
    hoursZh: "工作日 8:30–16:30（信息化办公室）",
    hoursEn: "Weekdays 8:30–16:30 (IT office)",
  },
  imut: {
    phone: "6576286",
    email: "",
    hoursZh: "工作日 8:00–17:30，按所属校区转“1”或“2”",
    hoursEn: "Weekdays 8:00–17:30; press 1 or 2 for your campus",
  },
  uestc: {
    phone: "028-61831184",
    email: "iservice@uestc.edu.cn",
    hoursZh: "工作日 8:30–17:30（信息中心）",
    hoursEn: "Weekdays 8:30–17:30 (IT centre)",
  },
  xawl: {
    phone: "",
    email: "helpdesk@xawl.example",
    hoursZh: "工作日 8:00–17:00（信息中心）",
    hoursEn: "Weekdays 8:00–17:00 (IT centre)",
  },
  demo: {
    phone: "",
    email: "helpdesk@demo.example",
    hoursZh: "工作日 9:00–17:00（信息化办公室）",
    hoursEn: "Weekdays 9:00–17:00 (IT office)",
  },
};

const PAGES: DemoHelpPage[] = [
  {
    slug: "wechat-phone",
    titleZh: "我的微信绑定的是哪个手机号？如何设置微信号",
    titleEn: "Which phone is my WeChat bound to? Setting a WeChat ID",
    bodyZh: `关注学校企业微信时，填写的手机号要和**微信绑定的手机号**一致，否则会提示手机号不符。

## 查看微信绑定的手机号
1. 打开微信，点击 **我 → 设置 → 账号与安全**。
2. “手机号”一栏就是微信绑定的号码。

## 设置微信号
在 **我 → 点击头像 → 微信号** 中可以设置或修改微信号（一年只能改一次）。微信号不影响关注学校企业微信，不必为此修改。

如果绑定页上的手机号和微信的不同，请先在 [个人中心](/me) 改成微信绑定的号码。`,
    bodyEn: `When you follow the school's WeCom, the phone you give must be **the phone your WeChat is bound to**.

## Finding the phone your WeChat is bound to
1. In WeChat, tap **Me → Settings → Account Security**.
2. The "Mobile" line is the number your WeChat is bound to.

## Setting a WeChat ID
Under **Me → your picture → WeChat ID** you can set or change it (once a year). It does not matter for following the school's WeCom.

If the phone on the binding page differs from your WeChat's, change it in [My account](/me) first.`,
  },
  {
    slug: "wechat-cache",
    titleZh: "页面一直转圈或显示旧内容：清除微信缓存",
    titleEn: "Page keeps loading or shows old content: clear WeChat's cache",
    bodyZh: `微信会缓存网页，换了身份或刚解绑后可能仍看到旧页面。清除缓存后重新扫码即可。

## iOS（iPhone）
**我 → 设置 → 通用 → 存储空间 → 缓存 → 清理**，然后完全退出微信再打开。

## Android（安卓）
**我 → 设置 → 通用 → 存储空间 → 缓存 → 清理**；也可以在微信中打开 \`debugx5.qq.com\`，勾选“清除 TBS 内核缓存”。

清理缓存不会删除聊天记录。`,
    bodyEn: `WeChat keeps web pages in its cache, so after switching identity or unbinding you may still see an old page. Clear the cache and scan again.

## iOS (iPhone)
**Me → Settings → General → Storage → Cache → Clear**, then quit WeChat completely and open it again.

## Android
**Me → Settings → General → Storage → Cache → Clear**.

Clearing the cache does not delete your chats.`,
  },
  {
    slug: "harmonyos-next",
    titleZh: "鸿蒙 NEXT 手机：微信暂不支持企业号，请用企业微信 App",
    titleEn: "HarmonyOS NEXT phones: use the WeCom app",
    bodyZh: `纯血鸿蒙（HarmonyOS NEXT）上的微信暂时不能关注学校企业号，也看不到学校的消息。

请在应用市场安装 **企业微信** App，用学校通讯录中的手机号登录，即可使用学校的全部应用。`,
    bodyEn: `WeChat on HarmonyOS NEXT cannot follow the school's enterprise account for now, nor show the school's messages.

Install the **WeCom** (企业微信) app from the app store and sign in with the phone in the school's directory: every school app is there.`,
  },
  {
    slug: "unfollow",
    titleZh: "如何取消关注（退出学校企业微信）",
    titleEn: "Unfollowing: leaving the school's WeCom",
    bodyZh: `在 [个人中心](/me) 点击 **【解绑微信】** 并确认，即可退出学校企业微信，之后可以用另一个微信重新关注。

只点【退出登录】不会退出企业微信，它只结束本网页的登录。`,
    bodyEn: `In [My account](/me), tap **Unbind WeChat** and confirm: you leave the school's WeCom and may follow again with another WeChat.

"Sign out" alone does not leave WeCom: it only ends your sign-in to these pages.`,
  },
  {
    slug: "foreign-phone",
    titleZh: "境外手机号怎么填",
    titleEn: "Foreign phone numbers",
    bodyZh: `境外号码请以 **00 + 国家或地区代码** 开头填写，例如香港号码写作 \`00852 xxxx xxxx\`。

学校没有开通境外号码时，绑定页会说明；请改用境内手机号，或联系学校。`,
    bodyEn: `Type a foreign number with **00 and the country code** first, e.g. \`00852 xxxx xxxx\` for Hong Kong.

Where the school does not accept foreign numbers, the binding page says so: use a mainland number, or contact the school.`,
  },
  {
    slug: "change-phone-or-wechat",
    titleZh: "换了手机号或换了微信怎么办",
    titleEn: "Changed your phone or your WeChat",
    bodyZh: `## 换了手机号
在 [个人中心](/me) 更换手机号，新号码要用验证码确认。旧微信还能用时，换号后仍可继续使用；旧微信无法登录时，先解绑再用新微信关注。

## 换了微信
先在 [个人中心](/me) **【解绑微信】**，再用新微信扫学校的二维码重新关注。旧微信已无法登录时，请联系学校（见下方）清除绑定。`,
    bodyEn: `## A new phone
Change it in [My account](/me); the new number is confirmed by a code. If your old WeChat still works you keep using it; if it is lost, unbind first and follow with the new WeChat.

## A new WeChat
Tap **Unbind WeChat** in [My account](/me), then scan the school's QR code with the new WeChat. If the old WeChat can no longer sign in, contact the school (below) to clear the binding.`,
  },
  {
    slug: "staff-who-study",
    titleZh: "在职教职工同时是学生：请使用企业微信 App",
    titleEn: "Staff who also study: use the WeCom app",
    bodyZh: `教职工同时在读的，学校通讯录里有两个身份。一个微信只能以一个身份关注。

建议：教职工身份继续在 **企业微信 App** 中使用，学生身份用微信关注；或者在 [个人中心](/me) 切换身份。`,
    bodyEn: `Staff who also study have two identities in the school's directory, and one WeChat follows as one of them.

Keep your staff identity in the **WeCom app** and follow with WeChat as a student, or switch identity in [My account](/me).`,
  },
  {
    slug: "working-and-deferred",
    titleZh: "在职师生、延期毕业生关注指南",
    titleEn: "Guide for working students and deferred graduates",
    bodyZh: `在职攻读学位的师生、延期毕业的同学，同样用学号（工号）和统一身份认证密码登录后关注。

- 登录提示账号不存在：你的学籍信息可能尚未同步到通讯录，请联系学校（见下方），说明学号和姓名。
- 手机号已被占用：通常是另一个身份用了同一个号码，见“在职教职工同时是学生”。`,
    bodyEn: `Working students and deferred graduates sign in with their student (or staff) number and unified-login password, then follow as everyone else.

- "Account not found": your record may not be in the directory yet; contact the school (below) with your number and name.
- "Phone already in use": usually another identity of yours holds the number; see "Staff who also study".`,
  },
];

/** The school's demo help pages and contacts, where missing. */
export async function seedDemoHelp(prisma: PrismaClient, tenantId: string, slug: string): Promise<void> {
  const db = tenantDb(prisma, tenantId);
  await db.helpPage.createMany({
    data: PAGES.map((page, position) => ({ ...page, position, tenantId })),
    skipDuplicates: true,
  });
  const contacts = DEMO_CONTACTS[slug];
  if (contacts) await db.schoolContacts.createMany({ data: [{ ...contacts, tenantId }], skipDuplicates: true });
}

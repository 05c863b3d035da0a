// The member journey's end-to-end tests, through the simulated WeChat: members made for each test
// in a demo school (unique account and phone, so specs run side by side), put into WeCom by the
// ordinary sync; WeChat users of the WeCom simulator who scan the QR codes the pages show, read
// from the image as a phone reads them; and a count of the member's taps and typed fields.
import { randomBytes, randomInt } from "node:crypto";
import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { tenantUrl } from "./hosts";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { hashPassword } from "../../src/server/auth/passwords";
import { createPrismaClient } from "../../src/server/db/client";
import { departmentPath } from "../../src/server/departments/department-path";
import { createBoss } from "../../src/server/jobs/queue";
import { normalisePhone } from "../../src/server/members/phone";
import { wecomMobileOf as wecomMobileAsHeld } from "../../src/server/wecom/mobile";
import { enqueueWecomSync, ROOT_DEPARTMENT_ID } from "../../src/server/wecom/sync";

export const simUrl = process.env.E2E_WECOM_SIM_URL ?? "";

/** WeChat's in-app browser on an iPhone says so in its user agent (src/server/journey/user-agent.ts). */
export const WECHAT_USER_AGENT =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800323a) NetType/WIFI Language/zh_CN";

let prisma: PrismaClient | undefined;
/** The database `npm test` serves the app from (DATABASE_URL in Playwright's environment). */
export function database(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the e2e tests through `npm test -- --e2e-only`.");
  prisma ??= createPrismaClient(url);
  return prisma;
}

/** A mainland number no other test uses (11 digits, as typed). */
export const freshMainlandPhone = () => `135${String(randomInt(0, 1e8)).padStart(8, "0")}`;
/** A Hong Kong mobile typed with 00 (UCAS FAQ 9), e.g. 0085291234567 (9 12x xxxx: all valid numbers). */
export const freshHongKongPhone = () => `00852912${String(randomInt(0, 1e5)).padStart(5, "0")}`;

export type TestMember = { id: string; account: string; name: string; password: string };

/**
 * A member of a demo school made for one test, in the school's WeCom through the ordinary sync
 * (the running app's job workers). `phone` as typed; `initialPassword` makes it xawl's case: the
 * password must be changed at the first sign-in.
 */
export async function makeMember(
  slug: string,
  options: { phone?: string; kind?: string; initialPassword?: string; idNumberHash?: string } = {},
): Promise<TestMember> {
  const db = database();
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const kind = await db.identityKind.findFirstOrThrow({
    where: { tenantId: tenant.id, code: options.kind ?? "student_staff" },
    select: { id: true },
  });
  const phone = options.phone ? normalisePhone(options.phone, { allowForeign: true }) : null;
  if (phone && !phone.ok) throw new Error(`bad test phone ${options.phone}`);
  const password = options.initialPassword ?? "Passw0rd!";
  const account = `E${Date.now().toString(36)}${randomBytes(2).toString("hex")}`.toUpperCase();
  const name = `测试${randomBytes(2).toString("hex")}`;
  const boss = createBoss(process.env.DATABASE_URL!);
  const member = await db.$transaction(async (tx) => {
    const created = await tx.member.create({
      data: {
        tenantId: tenant.id,
        account,
        name,
        identityKindId: kind.id,
        department: "端到端测试",
        phone: phone?.ok ? phone.e164 : null,
        phoneDisplay: phone?.ok ? phone.display : null,
        passwordHash: await hashPassword(password),
        mustChangePassword: options.initialPassword !== undefined,
        idNumberHash: options.idNumberHash ?? null,
      },
      select: { id: true },
    });
    await enqueueWecomSync(boss, tx, { kind: "member.upsert", tenantId: tenant.id, memberId: created.id });
    return created;
  });
  return { id: member.id, account, name, password };
}

/**
 * Gives a demo member of the test's own a directory phone no other test uses: a WeChat is bound to
 * one phone in the simulated WeChat, and the demo schools' members share their seeded phones.
 */
export async function giveDirectoryPhone(slug: string, account: string, typed: string): Promise<void> {
  const phone = normalisePhone(typed, { allowForeign: true });
  if (!phone.ok) throw new Error(`bad test phone ${typed}`);
  const updated = await database().member.updateMany({
    where: { tenant: { slug }, account },
    data: { phone: phone.e164, phoneDisplay: phone.display },
  });
  if (updated.count !== 1) throw new Error(`no member ${account} at ${slug}`);
}

async function control<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const response = await fetch(`${simUrl}/__sim/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as T };
}

async function ctl<T>(method: string, path: string, body?: unknown): Promise<T> {
  const { status, json } = await control<T>(method, path, body);
  if (status !== 200) throw new Error(`WeCom simulator ${method} ${path}: ${status} ${JSON.stringify(json)}`);
  return json;
}

export type FollowResult = { result: string; userid?: string; secondVerificationUrl?: string | null };
export type ScanResult =
  | { kind: "redirect" | "open"; location: string }
  | { kind: "follow"; corpid: string; follow: FollowResult }
  | { kind: "error"; message: string };

/** A simulated WeChat user whose WeChat is bound to `phone` (as typed or E.164). */
export async function wechatUser(phone: string) {
  const user = await ctl<{ id: string }>("POST", "wechat-users", { name: `微信${randomBytes(2).toString("hex")}`, phone });
  return {
    id: user.id,
    /** 扫一扫 (or 长按识别二维码) of a link read from a QR code. */
    scan: (url: string) => ctl<ScanResult>("POST", `wechat-users/${user.id}/scan`, { url }),
    /** The assistant app's 关注身份验证: 【获取验证码】 (the refusal as WeChat shows it, or null). */
    startVerification: async (corpid: string, phone: string) => {
      const { status, json } = await control<{ message?: string }>("POST", `wechat-users/${user.id}/verify/start`, { corpid, phone });
      return status === 200 ? null : (json.message ?? `HTTP ${status}`);
    },
    /** 【验证】 with the code WeChat's SMS brought. */
    confirmVerification: (corpid: string, phone: string, code: string) =>
      ctl<FollowResult>("POST", `wechat-users/${user.id}/verify/confirm`, { corpid, phone, code }),
    /** The member changes their own mobile in WeCom (the only way for an activated member). */
    changeOwnMobile: (corpid: string, mobile: string) => ctl("POST", `wechat-users/${user.id}/mobile`, { corpid, mobile }),
    view: (corpid: string) =>
      ctl<{ relation: string; status: number | null; apps: { name: string }[] }>("GET", `wechat-users/${user.id}/corps/${corpid}`),
  };
}

/** The latest SMS the simulated WeCom sent to `phone`: the 关注身份验证 code. */
export async function smsCode(phone: string): Promise<string> {
  const messages = await ctl<{ text: string }[]>("GET", `sms?phone=${encodeURIComponent(phone)}`);
  const code = /验证码 (\d{6})/.exec(messages.at(-1)?.text ?? "")?.[1];
  if (!code) throw new Error(`no code in the simulator's SMS to ${phone}`);
  return code;
}

export const corpIdOf = (slug: string) => `wwcampus${slug}`;

/** The mobile WeCom holds for a member of a demo school (its userid is the account in lower case). */
export async function wecomMobileOf(slug: string, account: string): Promise<string | null> {
  const directory = await ctl<{ members: { userid: string; mobile: string | null }[] }>("GET", `corps/${corpIdOf(slug)}/directory`);
  return directory.members.find((m) => m.userid === account.toLowerCase())?.mobile ?? null;
}

/** WeCom's status of a member of a demo school: 1 admitted, 4 not yet (e.g. awaiting 二次验证). */
export async function wecomStatusOf(slug: string, account: string): Promise<number | null> {
  const directory = await ctl<{ members: { userid: string; status: number }[] }>("GET", `corps/${corpIdOf(slug)}/directory`);
  return directory.members.find((m) => m.userid === account.toLowerCase())?.status ?? null;
}

/** What the browser gets for `url` (its own request, with its cookies): status, type, headers and bytes. */
export async function fetchInPage(page: Page, url: string) {
  const answer = await page.evaluate(async (target) => {
    const response = await fetch(target, { credentials: "same-origin", cache: "no-store" });
    const bytes = new Uint8Array(await response.arrayBuffer());
    let binary = "";
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return { status: response.status, headers: Object.fromEntries(response.headers.entries()), base64: btoa(binary) };
  }, url);
  return { ...answer, body: Buffer.from(answer.base64, "base64") };
}

/** The text of the QR code an <img> on the page shows, read from the PNG the browser loaded, as WeChat's recognition does. */
export async function readQrImage(page: Page, image: Locator): Promise<string> {
  await expect(image).toBeVisible();
  const src = await image.getAttribute("src");
  if (!src) throw new Error("the QR image has no src");
  const response = await fetchInPage(page, src);
  expect(response.status).toBe(200);
  expect(response.headers["content-type"]).toMatch(/^image\/png/);
  const png = PNG.sync.read(response.body);
  const decoded = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
  if (!decoded) throw new Error("no QR code found in the image");
  return decoded.data;
}

/**
 * What the member does, counted: every tap and every typed field, from the scan of the school's
 * registration QR code on (issue 9 §6: at most 10 on the no-verification path).
 */
export class Taps {
  count = 0;
  readonly log: string[] = [];

  async tap(target: Locator, what: string): Promise<void> {
    await target.click();
    this.note(`tap ${what}`);
  }

  async type(target: Locator, text: string, what: string): Promise<void> {
    await target.fill(text);
    this.note(`type ${what}`);
  }

  /** A gesture outside the page (WeChat's 长按识别二维码). */
  note(what: string): void {
    this.count++;
    this.log.push(what);
  }
}

const DESKTOP_USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

/** The school's registration QR code as a desktop browser shows it (outside WeChat), read from its PNG. */
export async function registrationLink(browser: Browser, slug: string): Promise<string> {
  const desktop = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    userAgent: DESKTOP_USER_AGENT,
    isMobile: false,
    hasTouch: false,
  });
  try {
    const page = await desktop.newPage();
    await page.goto(tenantUrl(slug, "/join"));
    await expect(page.getByTestId("outside-wechat")).toContainText("请在微信中打开本页");
    return await readQrImage(page, page.getByTestId("register-qr"));
  } finally {
    await desktop.close();
  }
}

/** 扫一扫 of the school's code in WeChat: the simulator opens the link, which the page then loads. */
export async function scanIntoWechat(page: Page, wechat: Awaited<ReturnType<typeof wechatUser>>, link: string): Promise<void> {
  const opened = await wechat.scan(link);
  expect(opened.kind).toBe("open");
  if (opened.kind !== "open") return;
  await page.goto(opened.location);
  // Inside WeChat: not the desktop's 「请在微信中打开本页」 (a school of one identity kind is at its sign-in already).
  await expect(page.getByTestId("outside-wechat")).toHaveCount(0);
}

/** The follow step: waits for the sync, then 长按识别 of the follow QR as WeChat reads it. */
export async function longPressFollowQr(page: Page, taps: Taps, wechat: Awaited<ReturnType<typeof wechatUser>>) {
  await expect(page).toHaveURL(/\/follow$/);
  const qr = page.getByTestId("follow-qr");
  await expect(qr).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText("长按识别二维码关注")).toBeVisible();
  const joinLink = await readQrImage(page, qr);
  taps.note("长按识别二维码关注");
  return wechat.scan(joinLink);
}

/** The school's built-in sign-in form (where a scan at a school of one identity kind lands), filled and sent as the member. */
export async function signInOnForm(page: Page, member: TestMember): Promise<void> {
  await page.locator('input[name="identifier"]').fill(member.account);
  await page.locator('input[name="password"]').fill(member.password);
  await page.locator('form button[type="submit"]').click();
}

/** A UCAS member who scanned, signed in, bound the directory's phone and followed with the WeChat of that phone. */
export async function followThroughJourney(page: Page, browser: Browser) {
  const phone = freshMainlandPhone();
  const member = await makeMember("ucas", { phone });
  const wechat = await wechatUser(phone);
  const link = await registrationLink(browser, "ucas");
  await scanIntoWechat(page, wechat, link);
  await signInOnForm(page, member);
  await expect(page).toHaveURL(/\/bind-phone$/);
  await page.getByRole("button", { name: "下一步" }).click();
  expect(await longPressFollowQr(page, new Taps(), wechat)).toMatchObject({ kind: "follow", follow: { result: "followed" } });
  await expect(page.getByTestId("followed")).toHaveText("关注成功", { timeout: 30_000 });
  expect((await wechat.view(corpIdOf("ucas"))).relation).toBe("member");
  return { member, wechat, link, phone };
}

/**
 * After 解绑微信: the WeChat bound to `phone` (a mainland number the member has not bound) scans the
 * school's code (`link`), signs the member in, binds `phone` with the code it got, and follows at once.
 */
export async function followWithAnotherWechat(page: Page, slug: string, member: TestMember, link: string, phone: string) {
  const wechat = await wechatUser(phone);
  await scanIntoWechat(page, wechat, link);
  await signInOnForm(page, member);
  await expect(page).toHaveURL(/\/bind-phone$/);
  await page.locator('input[name="value"]').fill(phone);
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(page.getByRole("status")).toContainText(`验证码已发送至 ${phone}`);
  await page.locator('input[name="code"]').fill(await outboxCode(phone));
  await page.getByRole("button", { name: "下一步" }).click();
  expect(await longPressFollowQr(page, new Taps(), wechat)).toMatchObject({ kind: "follow", follow: { result: "followed" } });
  await expect(page.getByTestId("followed")).toHaveText("关注成功", { timeout: 30_000 });
  expect((await wechat.view(corpIdOf(slug))).relation).toBe("member");
  return wechat;
}

/** The bind code the development outbox "sent" to `phone` (as typed, mainland). */
export async function outboxCode(phone: string): Promise<string> {
  const message = await database().outboxMessage.findFirstOrThrow({
    where: { destination: `+86${phone}` },
    orderBy: { createdAt: "desc" },
  });
  const code = /验证码为 (\d+)/.exec(message.text)?.[1];
  if (!code) throw new Error("no code in the outbox");
  return code;
}

/** Once every WeCom directory job of the member has run (done, or failed for good): what WeCom holds is settled. */
export async function wecomSyncSettled(memberId: string): Promise<void> {
  await expect
    .poll(
      async () =>
        database().wecomJob.count({
          where: { subject: memberId, queue: "wecom-sync", state: { in: ["QUEUED", "ACTIVE", "RETRYING"] } },
        }),
      { timeout: 30_000 },
    )
    .toBe(0);
}

/** The member's phone in the product's directory and in the simulated WeCom, as WeCom writes it (mainland without +86). */
export async function directoryAndWecomPhones(slug: string, account: string): Promise<{ directory: string | null; wecom: string | null }> {
  const member = await database().member.findFirstOrThrow({ where: { tenant: { slug }, account }, select: { phone: true } });
  const directory = member.phone ? (member.phone.startsWith("+86") ? member.phone.slice(3) : member.phone) : null;
  return { directory, wecom: await wecomMobileOf(slug, account) };
}

/** WeCom's member status (user/get `status`: 1 activated, 2 disabled, 4 not activated, 5 left) for the state the product recorded. */
const WECOM_STATUS: Record<string, number> = { ACTIVATED: 1, DISABLED: 2, NOT_ACTIVATED: 4, LEFT: 5 };

type HeldInWecom = { userid: string; name: string; mobile: string | null; department: number | null; status: number | string | null };

/** The member as the product's directory says WeCom holds it (null: not in WeCom), and as the simulated WeCom holds it. */
async function memberBothSides(slug: string, memberId: string): Promise<{ product: HeldInWecom | null; wecom: HeldInWecom | null }> {
  const db = database();
  const member = await db.member.findUniqueOrThrow({
    where: { id: memberId },
    select: {
      tenantId: true,
      account: true,
      name: true,
      phone: true,
      department: true,
      wecomUserId: true,
      wecom: { select: { writtenAt: true, state: true } },
    },
  });
  const userid = member.wecomUserId ?? member.account.toLowerCase();
  const path = departmentPath(member.department);
  const department = path
    ? ((await db.department.findUnique({ where: { tenantId_path: { tenantId: member.tenantId, path } }, select: { wecomId: true } }))
        ?.wecomId ?? null)
    : ROOT_DEPARTMENT_ID;
  const { wecom } = member;
  const product =
    wecom?.writtenAt && wecom.state !== "NOT_IN_WECOM"
      ? {
          userid,
          name: member.name,
          mobile: member.phone ? wecomMobileAsHeld(member.phone) : null,
          department,
          status: wecom.state ? (WECOM_STATUS[wecom.state] ?? wecom.state) : null,
        }
      : null;
  const directory = await ctl<{
    members: { userid: string; name: string; mobile: string | null; main_department: number | null; status: number }[];
  }>("GET", `corps/${corpIdOf(slug)}/directory`);
  const held = directory.members.find((m) => m.userid === userid);
  return {
    product,
    wecom: held ? { userid, name: held.name, mobile: held.mobile, department: held.main_department, status: held.status } : null,
  };
}

/**
 * After a member action, once the member's jobs ran, the product's directory and the simulated WeCom agree
 * (issue 18 § Tests): both without the member, or both with its name, phone (as WeCom writes it),
 * department and state. Waits for the member's sync jobs, then for WeCom's word to reach the product.
 */
export async function expectDirectoryAgreesWithWecom(slug: string, memberId: string): Promise<void> {
  await wecomSyncSettled(memberId);
  await expect(async () => {
    const { product, wecom } = await memberBothSides(slug, memberId);
    expect(product).toEqual(wecom);
  }).toPass({ timeout: 30_000 });
}

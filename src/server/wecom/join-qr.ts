// The school's WeCom join QR (corp/get_join_qrcode, reference §4.2), which the follow page shows
// as 「长按识别二维码关注」. WeCom answers a link to an image of the code, valid 7 days; the product
// fetches the image once, keeps it (WecomJoinQr) and serves it from its own origin: the CSP takes
// images from 'self' only, and an <img> of our own is what WeChat's long-press recognises. Renewed
// a day before WeCom's link ends, so a member never sees a code that stopped working.
import { z } from "zod";
import { AppError } from "~/server/errors";
import { unscopedClient, type TenantScope } from "~/server/scope";
import { createBoundedMemo } from "~/server/security/bounded-memo";
import { memoisedImage } from "~/server/security/image-limits";
import { wecomClientFor } from "./client-for";
import { WecomTransportError } from "./errors";
import { WECOM_API_BASE_URL } from "./base-url";

/** Kept 6 of WeCom's 7 days. */
const KEEP_MS = 6 * 86_400_000;
const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 8_000;

export type QrPicture = { image: Buffer; contentType: string };

/** Where a join QR's image may come from: WeCom's own site, or the simulator the school uses. */
function imageOriginAllowed(url: URL, apiBaseUrl: string): boolean {
  if (apiBaseUrl === WECOM_API_BASE_URL) return url.protocol === "https:" && url.hostname === "work.weixin.qq.com";
  return url.origin === new URL(apiBaseUrl).origin;
}

async function fetchImage(link: string, apiBaseUrl: string): Promise<QrPicture> {
  const url = new URL(link);
  if (!imageOriginAllowed(url, apiBaseUrl)) throw new WecomTransportError("join_qrcode", "image link outside WeCom");
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: "image/png,image/*" },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      // WeCom's image may sit behind a redirect on its own site; the final address is checked below.
      redirect: apiBaseUrl === WECOM_API_BASE_URL ? "follow" : "manual",
    });
  } catch (error) {
    throw new WecomTransportError("join_qrcode", error instanceof Error ? error.message : String(error));
  }
  const final = new URL(response.url || link);
  const finalAllowed =
    apiBaseUrl === WECOM_API_BASE_URL
      ? final.protocol === "https:" && /(^|\.)qq\.com$/.test(final.hostname)
      : final.origin === new URL(apiBaseUrl).origin;
  const contentType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!response.ok || !finalAllowed || !/^image\/(png|jpeg)$/.test(contentType)) {
    await response.body?.cancel().catch(() => {});
    throw new WecomTransportError("join_qrcode", `HTTP ${response.status} ${contentType}`);
  }
  const image = Buffer.from(await response.arrayBuffer());
  if (image.length === 0 || image.length > MAX_IMAGE_BYTES) throw new WecomTransportError("join_qrcode", "image size");
  return { image, contentType };
}

/** The join QR image until it is due for renewal, from the cache or freshly asked of WeCom. Throws the WeCom error when it cannot be had. */
export async function joinQrPicture(scope: TenantScope): Promise<QrPicture & { expiresAt: Date }> {
  const now = new Date();
  const cached = await scope.db.wecomJoinQr.findUnique({ where: { tenantId: scope.tenant.id } });
  if (cached && cached.expiresAt > now) {
    return { image: Buffer.from(cached.image), contentType: cached.contentType, expiresAt: cached.expiresAt };
  }
  const client = await wecomClientFor(scope);
  const link = await client.joinQrCode(3);
  const picture = await fetchImage(link, client.baseUrl);
  const row = {
    url: link,
    image: new Uint8Array(picture.image),
    contentType: picture.contentType,
    fetchedAt: now,
    expiresAt: new Date(now.getTime() + KEEP_MS),
  };
  // Two members asking at once each get a valid code; the later write is the one kept.
  await scope.db.wecomJoinQr.upsert({ where: { tenantId: scope.tenant.id }, create: { tenantId: scope.tenant.id, ...row }, update: row });
  scope.log.info({ component: "join-qr" }, "join QR renewed");
  return { ...picture, expiresAt: row.expiresAt };
}

export const followQrOutput = z.object({ contentType: z.string(), base64: z.string() });

/**
 * Each school's join QR as this instance last read it, until WeCom's link is due for renewal: 2,000
 * freshmen opening the follow page in one minute read it from the database once, not 2,000 times.
 * WeCom's images are small (a few KB); the bounds only keep a flood of schools from growing it.
 */
const readJoinQrs = createBoundedMemo<QrPicture & { expiresAt: Date }>({
  maxEntries: 2000,
  maxBytes: 64 * 1024 * 1024,
  sizeOf: (picture) => picture.image.length,
});

/**
 * The follow page's QR code for a signed-in member, memoised; reading it afresh counts against the
 * member's address (security/image-limits.ts). WeCom's failure as one message the member can act on.
 */
export async function followQr(scope: TenantScope): Promise<z.infer<typeof followQrOutput>> {
  if (scope.actor.kind !== "member") throw new AppError("UNAUTHENTICATED");
  const key = scope.tenant.id;
  const memoised = await readJoinQrs.get(key)?.catch(() => null);
  if (memoised && memoised.expiresAt <= new Date()) readJoinQrs.delete(key);
  try {
    const picture = await memoisedImage(unscopedClient(scope), scope.actor.ip, readJoinQrs, key, () => joinQrPicture(scope));
    return { contentType: picture.contentType, base64: picture.image.toString("base64") };
  } catch (error) {
    if (error instanceof AppError && error.code === "RATE_LIMITED") throw error;
    scope.log.warn({ component: "join-qr", err: error instanceof Error ? error.name : "unknown" }, "join QR unavailable");
    throw new AppError("WECOM_UNAVAILABLE");
  }
}

// This school's A4 posters (PRODUCT "Tenants → QR codes"): its names, colours and logo around one
// of its signed QR links — the registration QR, or the unbind QR printed beside it (IMUT 二) — with
// that code's headline and steps in both languages. The back office downloads them
// (app/(school)/admin/(console)/qr/poster.pdf and qr/unbind/poster.pdf); the registration poster
// counts for the go-live checklist like a QR download.
import { createHash } from "node:crypto";
import { bilingualOf, type MessageKey } from "~/i18n/messages";
import { schoolLogo } from "~/server/branding/logo";
import type { QrPurpose } from "~/server/qr/registration-link";
import { schoolQrLink } from "~/server/qr/registration-image";
import type { TenantScope } from "~/server/scope";
import { createBoundedMemo } from "~/server/security/bounded-memo";
import { drawPoster, type PosterInput } from "./poster-pdf";

/** What each poster says besides the school's name: its headline, its steps, the help line and the file's name. */
const POSTER_TEXTS: Record<QrPurpose, { headline: MessageKey; steps: readonly MessageKey[]; help: MessageKey; fileName: MessageKey }> = {
  register: {
    headline: "poster.headline",
    steps: ["poster.step1", "poster.step2", "poster.step3", "poster.step4"],
    help: "poster.help",
    fileName: "poster.fileName",
  },
  unbind: {
    headline: "unbindQr.headline",
    steps: ["unbindQr.step1", "unbindQr.step2", "unbindQr.step3", "unbindQr.step4"],
    help: "poster.help",
    fileName: "unbindQr.fileName",
  },
};

/** The poster's file name to save, in Chinese and English. */
export const posterFileName = (purpose: QrPurpose) => bilingualOf(POSTER_TEXTS[purpose].fileName);

/**
 * Posters drawn, by everything printed on them: setting the Chinese glyphs takes a second or more
 * of CPU, and a school downloads the same poster again and again while it goes live. A new name,
 * colour, logo or link is a new key. ~1.6 MB each (the whole font, see poster-pdf.ts), up to ~2.1 MB
 * with a logo: the bound keeps the posters of the last couple of dozen schools.
 */
const drawn = createBoundedMemo<Uint8Array>({ maxEntries: 200, maxBytes: 48 * 1024 * 1024, sizeOf: (pdf) => pdf.length });

function posterKey(input: PosterInput): string {
  const logo = input.logo ? createHash("sha256").update(input.logo.image).digest("hex") : null;
  return createHash("sha256")
    .update(JSON.stringify({ ...input, logo }))
    .digest("hex");
}

/** The PDF bytes of this school's poster for `purpose`, for the school's own host the admin is on. */
export async function schoolPoster(scope: TenantScope, input: { host: string; purpose: QrPurpose }): Promise<Uint8Array> {
  const { tenant } = scope;
  const logo = await schoolLogo(scope);
  const texts = POSTER_TEXTS[input.purpose];
  const poster: PosterInput = {
    name: { zh: tenant.name, en: tenant.nameEn },
    link: await schoolQrLink(scope, input.host, input.purpose),
    primaryColor: tenant.primaryColor,
    accentColor: tenant.accentColor,
    logo: logo && { image: logo.image, contentType: logo.contentType },
    headline: bilingualOf(texts.headline),
    steps: texts.steps.map((key) => bilingualOf(key)),
    help: bilingualOf(texts.help),
  };
  return drawn.fill(posterKey(poster), () => drawPoster(poster));
}

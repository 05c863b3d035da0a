// This school's registration poster (PRODUCT "Tenants → QR codes"): its names, colours and logo
// around its signed registration link, with the steps in both languages. The back office downloads
// it (app/(school)/admin/(console)/qr/poster.pdf), which the go-live checklist counts like a QR download.
import { createHash } from "node:crypto";
import { bilingualOf } from "~/i18n/messages";
import { schoolLogo } from "~/server/branding/logo";
import { registrationLink } from "~/server/qr/registration-image";
import type { TenantScope } from "~/server/scope";
import { createBoundedMemo } from "~/server/security/bounded-memo";
import { drawRegistrationPoster, type PosterInput } from "./poster-pdf";

const STEPS = ["poster.step1", "poster.step2", "poster.step3", "poster.step4"] as const;

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

/** The poster's PDF bytes, for the school's own host the admin is on. */
export async function registrationPoster(scope: TenantScope, input: { host: string }): Promise<Uint8Array> {
  const { tenant } = scope;
  const logo = await schoolLogo(scope);
  const poster: PosterInput = {
    name: { zh: tenant.name, en: tenant.nameEn },
    link: await registrationLink(scope, input.host),
    primaryColor: tenant.primaryColor,
    accentColor: tenant.accentColor,
    logo: logo && { image: logo.image, contentType: logo.contentType },
    headline: bilingualOf("poster.headline"),
    steps: STEPS.map((key) => bilingualOf(key)),
    help: bilingualOf("poster.help"),
  };
  return drawn.fill(posterKey(poster), () => drawRegistrationPoster(poster));
}

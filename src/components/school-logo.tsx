import { pick } from "~/i18n/locale";
import { logoLink } from "~/server/branding/logo-link";
import { requestContext } from "~/server/request";

/**
 * The host's school's uploaded logo for a page's title bar, on a white tile so a logo made for paper
 * keeps its colours on the school's; nothing on a school without one, or off a school's host.
 */
export async function SchoolLogo() {
  const ctx = await requestContext();
  if (ctx.resolution.kind !== "tenant") return null;
  const { tenant } = ctx.resolution;
  const src = logoLink(tenant.logoVersion);
  if (!src) return null;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- The school's own route serves it at its size; next/image would fetch and re-encode it.
    <img
      src={src}
      alt={pick(ctx.locale, { zh: tenant.name, en: tenant.nameEn || tenant.name })}
      width={32}
      height={32}
      className="h-8 w-8 shrink-0 rounded bg-white object-contain p-0.5"
      data-testid="school-logo"
    />
  );
}

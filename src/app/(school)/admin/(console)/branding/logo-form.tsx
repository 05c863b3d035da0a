// The logo's two forms: a plain multipart post of the image to ./logo (it works without script) and,
// when there is one, 【删除 Logo】. The route answers with a redirect back here (?logo= or ?error=).
import type { Translate } from "~/i18n/messages";
import { MAX_LOGO_BYTES } from "~/server/branding/logo-image";

export function LogoForm({ logoUrl, t }: { logoUrl: string | null; t: Translate }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-label={t("branding.logo")} data-testid="branding-logo">
      <h2 className="mb-3 font-semibold">{t("branding.logo")}</h2>
      {logoUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- The school's own logo route; next/image would re-encode it.
        <img
          src={logoUrl}
          alt={t("branding.logo")}
          width={96}
          height={96}
          className="mb-3 h-24 w-24 rounded border border-slate-200 object-contain"
        />
      ) : (
        <p className="mb-3 text-sm text-slate-500">{t("branding.logoNone")}</p>
      )}
      <form method="post" action="/admin/branding/logo" encType="multipart/form-data" className="space-y-3">
        <label className="block text-sm">
          <span className="mb-1 block text-slate-600">{t("branding.logoFile")}</span>
          <input type="file" name="file" required accept="image/png,image/jpeg" className="block w-full text-sm" data-testid="logo-file" />
          <span className="mt-1 block text-xs text-slate-500">{t("branding.logoHint", { kib: MAX_LOGO_BYTES / 1024 })}</span>
        </label>
        <button className="rounded-lg bg-[var(--brand)] px-5 py-2.5 text-white">{t("branding.upload")}</button>
      </form>
      {logoUrl ? (
        <form method="post" action="/admin/branding/logo" encType="multipart/form-data" className="mt-3">
          <input type="hidden" name="remove" value="1" />
          <button className="text-sm text-red-700 underline">{t("branding.remove")}</button>
        </form>
      ) : null}
    </section>
  );
}

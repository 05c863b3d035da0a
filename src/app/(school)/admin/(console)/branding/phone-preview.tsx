// What a member sees, in the saved colours and logo: the sign-in page's title bar, a field and its
// button, on a 375 px phone (the width of most phones WeChat runs on). Drawn by the server after
// each save, so it is the product's own rendering, not an imitation in script.
import type { CSSProperties } from "react";
import type { Translate } from "~/i18n/messages";

export function PhonePreview({
  name,
  primaryColor,
  accentColor,
  logoUrl,
  t,
}: {
  name: string;
  primaryColor: string;
  accentColor: string;
  logoUrl: string | null;
  t: Translate;
}) {
  const brand = { "--brand": primaryColor, "--accent": accentColor } as CSSProperties;
  return (
    <figure className="w-full max-w-[399px] shrink-0">
      <figcaption className="mb-2 text-sm font-semibold text-slate-700">{t("branding.preview")}</figcaption>
      <div
        style={brand}
        className="w-full overflow-hidden rounded-[2rem] border-[12px] border-slate-900 bg-white shadow-lg"
        data-testid="phone-preview"
      >
        <div className="mx-auto w-full max-w-[375px]">
          <div className="flex items-center gap-3 bg-[var(--brand)] px-4 py-3 text-white" data-testid="preview-bar">
            {logoUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- The school's own logo route; next/image would re-encode it.
              <img
                src={logoUrl}
                alt=""
                width={32}
                height={32}
                className="h-8 w-8 rounded bg-white object-contain p-0.5"
                data-testid="preview-logo"
              />
            ) : null}
            <span className="flex-1 truncate text-lg font-semibold">{name}</span>
          </div>
          <div className="space-y-4 px-4 py-6">
            <p className="text-lg font-semibold">{t("branding.previewTitle")}</p>
            <div className="h-11 rounded-lg border border-slate-300" aria-hidden />
            <div className="h-11 rounded-lg border border-slate-300" aria-hidden />
            <div className="w-full rounded-lg bg-[var(--brand)] py-3 text-center font-medium text-white" data-testid="preview-button">
              {t("branding.previewButton")}
            </div>
            <span className="inline-block rounded-full bg-[var(--accent)] px-3 py-1 text-sm text-white">{t("branding.previewAccent")}</span>
          </div>
        </div>
      </div>
    </figure>
  );
}

import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { requestContext } from "~/server/request";
import "./globals.css";
import { schoolName } from "~/i18n/locale";
import { translator } from "~/i18n/messages";

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1d4ed8" };

// The platform's icons and web app manifest (public/). icon.svg is the drawing; the PNGs and
// favicon.ico were rendered from it once with sharp 0.34, installed in a scratch folder (not a
// dependency): icon-192/512 as drawn, apple-touch-icon (180 px) and icon-maskable-512 on a
// full-bleed square with the mark scaled to 86 % and 78 % (the maskable safe zone), and
// favicon.ico as 16, 32 and 48 px PNG entries.
const icons: Metadata["icons"] = {
  icon: [
    { url: "/favicon.ico", sizes: "48x48" },
    { url: "/icon.svg", type: "image/svg+xml" },
  ],
  apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
};
const manifest = "/manifest.webmanifest";

export async function generateMetadata(): Promise<Metadata> {
  const ctx = await requestContext();
  if (ctx.resolution.kind === "tenant") {
    const tenant = ctx.resolution.tenant;
    return { title: schoolName(tenant, ctx.locale), icons, manifest };
  }
  return { title: translator(ctx.locale)("platform.name"), icons, manifest };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // A school's colours are drawn by its area's layout, app/(school)/layout.tsx.
  const ctx = await requestContext();
  return (
    <html lang={ctx.locale}>
      <body>{children}</body>
    </html>
  );
}

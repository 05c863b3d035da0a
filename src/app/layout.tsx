import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { requestContext } from "~/server/request";
import "./globals.css";

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1d4ed8" };

export async function generateMetadata(): Promise<Metadata> {
  const ctx = await requestContext();
  if (ctx.resolution.kind === "tenant") {
    const tenant = ctx.resolution.tenant;
    return { title: ctx.locale === "en" && tenant.nameEn ? tenant.nameEn : tenant.name };
  }
  return { title: ctx.locale === "en" ? "Campus WeCom platform" : "校园企业微信开通平台" };
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

import type { Metadata, Viewport } from "next";
import type { CSSProperties, ReactNode } from "react";
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
  const ctx = await requestContext();
  const tenant = ctx.resolution.kind === "tenant" ? ctx.resolution.tenant : null;
  const style = tenant ? ({ "--brand": tenant.primaryColor, "--accent": tenant.accentColor } as CSSProperties) : undefined;
  return (
    <html lang={ctx.locale}>
      <body style={style}>{children}</body>
    </html>
  );
}

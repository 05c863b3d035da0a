// Tenant hosts of the e2e server: Chromium resolves *.localhost to loopback.
const port = Number(process.env.E2E_PORT ?? 3000);

export function tenantUrl(slug: string, path = "/"): string {
  return `http://${slug}.localhost:${port}${path}`;
}

export function rootUrl(path = "/"): string {
  return `http://localhost:${port}${path}`;
}

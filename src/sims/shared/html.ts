// HTML the simulators' pages share: escaping, and a phone-sized document (375 px, zh-CN) for the
// login pages of the CAS and OIDC simulators. Plain server-rendered forms: WeChat's in-app
// browser, a headless test and a person all drive them the same way, with no script at all.

/** Escapes text for HTML element content and quoted attribute values. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const hiddenFields = (fields: Record<string, string>): string =>
  Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("");

const LOGIN_CSS = `
*{box-sizing:border-box}
body{margin:0;background:#eef2f7;font:16px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f2937}
main{max-width:375px;margin:0 auto;min-height:100vh;background:#fff;padding:24px 20px}
h1{font-size:20px;margin:8px 0 4px;text-align:center}
.sub{color:#6b7280;font-size:14px;text-align:center;margin:0 0 20px}
label{display:block;font-size:14px;color:#374151;margin:12px 0 4px}
input[type=text],input[type=password]{width:100%;font:inherit;padding:10px 12px;min-height:44px;border:1px solid #cbd5e1;border-radius:6px}
button{width:100%;font:inherit;font-weight:600;min-height:48px;margin-top:20px;border:0;border-radius:6px;background:#1d4ed8;color:#fff}
.check{display:flex;gap:8px;align-items:center;margin-top:12px}
.notice{padding:10px 12px;border-radius:6px;margin:12px 0;background:#ecfdf5;color:#065f46}
.error{background:#fef2f2;color:#991b1b}
small{color:#6b7280}`;

/** A whole page: `title` in the tab and as the heading, `body` is trusted HTML built with escapeHtml. */
export function phonePage(title: string, body: string, subtitle?: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${LOGIN_CSS}</style></head><body><main><h1>${escapeHtml(title)}</h1>${
    subtitle ? `<p class="sub">${escapeHtml(subtitle)}</p>` : ""
  }${body}</main></body></html>`;
}

// One help page: its Markdown rendered on the server (server/help/render-markdown.ts: no HTML, no
// script, safe links only), so the page ships no script of its own. Ends with the school's contacts.
import { notFound } from "next/navigation";
import { PageShell } from "~/components/page-shell";
import { SchoolContacts } from "~/components/school-contacts";
import { helpPageBySlug, helpPageIn } from "~/server/help/help-pages";
import { renderHelpMarkdown } from "~/server/help/render-markdown";
import { schoolScopeOf } from "~/server/http/request-scope";
import { requireTenantHost } from "~/server/page-guards";
import { requestLocale } from "~/server/request";

export const dynamic = "force-dynamic";

export default async function HelpArticlePage({ params }: { params: Promise<{ slug: string }> }) {
  const { ctx } = await requireTenantHost();
  const { locale, t } = await requestLocale();
  const page = await helpPageBySlug(schoolScopeOf(ctx), (await params).slug);
  if (!page) notFound();
  const { title, body } = helpPageIn(page, locale);
  return (
    <PageShell title={title} t={t} back="/help">
      <h2 className="mb-3 text-xl font-semibold">{title}</h2>
      {/* renderHelpMarkdown escapes all HTML typed in a page; what it returns is Markdown's own elements. */}
      <article className="help-body" data-testid="help-article" dangerouslySetInnerHTML={{ __html: renderHelpMarkdown(body) }} />
      <SchoolContacts />
    </PageShell>
  );
}

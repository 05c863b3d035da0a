// A school's help pages (帮助): the list in the school's order, a search members type in Chinese or
// English, one page by its address, and the back office's edits (save, move, delete), each audited.
import { z } from "zod";
import { pick, type Locale } from "~/i18n/locale";
import { audit } from "~/server/audit/audit";
import { AppError, fromUniqueViolation } from "~/server/errors";
import { auditActor, type TenantScope } from "~/server/scope";

export const HELP_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** What the back office saves; the bounds are the database's (HelpPage_slug_format, HelpPage_body_length). */
export const helpPageInput = z.object({
  id: z.string().uuid().optional(),
  slug: z.string().trim().toLowerCase().min(1).max(60).regex(HELP_SLUG),
  titleZh: z.string().trim().min(1).max(120),
  titleEn: z.string().trim().max(200).default(""),
  bodyZh: z.string().max(20000).default(""),
  bodyEn: z.string().max(20000).default(""),
});
export type HelpPageInput = z.input<typeof helpPageInput>;

/** What a member types in the search box: words of a title or a body, e.g. 「缓存」. */
export const helpSearchInput = z.object({ q: z.string().trim().max(50) });

export const helpPageRowOutput = z.object({
  id: z.string(),
  slug: z.string(),
  position: z.number(),
  titleZh: z.string(),
  titleEn: z.string(),
});
export const helpPageOutput = helpPageRowOutput.extend({ bodyZh: z.string(), bodyEn: z.string() });
export type HelpPageRow = z.infer<typeof helpPageRowOutput>;

const ROW = { id: true, slug: true, position: true, titleZh: true, titleEn: true } as const;
const ORDER = [{ position: "asc" }, { titleZh: "asc" }] as const;

/** The school's pages in its order. */
export function listHelpPages({ db }: TenantScope): Promise<HelpPageRow[]> {
  return db.helpPage.findMany({ select: ROW, orderBy: [...ORDER] });
}

/**
 * The pages whose title or body, in either language, contains what was typed. A school has a few
 * dozen pages, so a substring match (ILIKE, in PostgreSQL) is quick and finds 「缓存」 in 「清除微信
 * 缓存」, which no word tokeniser does without a Chinese dictionary. An empty search lists all.
 */
export function searchHelpPages(scope: TenantScope, input: z.infer<typeof helpSearchInput>): Promise<HelpPageRow[]> {
  if (!input.q) return listHelpPages(scope);
  // Prisma passes `contains` to LIKE as it is: a typed % or _ would match anything.
  const has = { contains: input.q.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" } as const;
  return scope.db.helpPage.findMany({
    where: { OR: [{ titleZh: has }, { titleEn: has }, { bodyZh: has }, { bodyEn: has }] },
    select: ROW,
    orderBy: [...ORDER],
  });
}

/** One page by its address, or null. */
export function helpPageBySlug({ db }: TenantScope, slug: string) {
  if (!HELP_SLUG.test(slug)) return Promise.resolve(null);
  return db.helpPage.findFirst({
    where: { slug },
    select: { ...ROW, bodyZh: true, bodyEn: true },
  });
}

/** One page by its id, for the editor. */
export async function helpPageById({ db }: TenantScope, id: string) {
  const page = await db.helpPage.findFirst({ where: { id }, select: { ...ROW, bodyZh: true, bodyEn: true } });
  if (!page) throw new AppError("NOT_FOUND");
  return page;
}

/** A page's title and body in the reader's language; English falls back to Chinese where none was written. */
export function helpPageIn<T extends { titleZh: string; titleEn: string; bodyZh?: string; bodyEn?: string }>(page: T, locale: Locale) {
  return {
    title: pick(locale, { zh: page.titleZh, en: page.titleEn || page.titleZh }),
    body: pick(locale, { zh: page.bodyZh ?? "", en: page.bodyEn || (page.bodyZh ?? "") }),
  };
}

/** Creates a page (at the end of the list) or edits one; the slug is unique in the school. */
export async function saveHelpPage(scope: TenantScope, input: z.output<typeof helpPageInput>) {
  const { id, ...fields } = input;
  try {
    return await scope.db.$transaction(async (tx) => {
      let page;
      if (id) {
        const found = await tx.helpPage.findFirst({ where: { id }, select: { id: true } });
        if (!found) throw new AppError("NOT_FOUND");
        page = await tx.helpPage.update({ where: { id }, data: fields, select: { ...ROW, bodyZh: true, bodyEn: true } });
      } else {
        const last = await tx.helpPage.aggregate({ _max: { position: true } });
        page = await tx.helpPage.create({
          data: { ...fields, tenantId: scope.tenant.id, position: (last._max.position ?? -1) + 1 },
          select: { ...ROW, bodyZh: true, bodyEn: true },
        });
      }
      await audit(tx, {
        ...auditActor(scope.actor),
        action: id ? "help.page.update" : "help.page.create",
        target: page.slug,
        detail: { id: page.id, slug: page.slug, titleZh: page.titleZh },
      });
      return page;
    });
  } catch (error) {
    throw fromUniqueViolation(error, { slug: { zh: "页面地址", en: "Page address" } }, scope.locale) ?? error;
  }
}

/** Moves a page one place up or down the list; the list is renumbered 0…n-1 in the same transaction. */
export async function moveHelpPage(scope: TenantScope, input: { id: string; direction: "up" | "down" }) {
  return scope.db.$transaction(async (tx) => {
    const pages = await tx.helpPage.findMany({ select: { id: true, slug: true, position: true }, orderBy: [...ORDER] });
    const from = pages.findIndex((p) => p.id === input.id);
    if (from < 0) throw new AppError("NOT_FOUND");
    const to = input.direction === "up" ? from - 1 : from + 1;
    if (to >= 0 && to < pages.length) [pages[from], pages[to]] = [pages[to]!, pages[from]!];
    for (const [position, page] of pages.entries()) {
      if (page.position !== position) await tx.helpPage.update({ where: { id: page.id }, data: { position } });
    }
    await audit(tx, {
      ...auditActor(scope.actor),
      action: "help.page.move",
      target: pages[Math.max(0, Math.min(to, pages.length - 1))]?.slug ?? null,
      detail: { id: input.id, direction: input.direction },
    });
    return { order: pages.map((p) => p.id) };
  });
}

/** Deletes a page. */
export async function deleteHelpPage(scope: TenantScope, input: { id: string }) {
  return scope.db.$transaction(async (tx) => {
    const page = await tx.helpPage.findFirst({ where: { id: input.id }, select: { id: true, slug: true, titleZh: true } });
    if (!page) throw new AppError("NOT_FOUND");
    await tx.helpPage.delete({ where: { id: page.id } });
    await audit(tx, { ...auditActor(scope.actor), action: "help.page.delete", target: page.slug, detail: page });
    return { id: page.id };
  });
}

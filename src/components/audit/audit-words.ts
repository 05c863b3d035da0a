// An audit log said in words, for its table (audit-columns.tsx) and its CSV export — the school's
// (/admin/audit) and the platform's (/vendor/audit): an action by its name in the messages (its
// code when it has none yet), an actor's kind, a time in China time.
import { messageKeys, type MessageKey, type Translate } from "~/i18n/messages";
import type { AuditRow } from "~/server/audit/audit-log";
import { chinaTime, type Locale } from "~/i18n/locale";

const KNOWN = new Set<string>(messageKeys());

const named = (t: Translate, key: string, otherwise: string) => (KNOWN.has(key) ? t(key as MessageKey) : otherwise);

export const actionWords = (t: Translate, action: string) => named(t, `audit.action.${action}`, action);
export const actorKindWords = (t: Translate, kind: string) => named(t, `audit.kind.${kind}`, kind);

/** The export's columns: the table's, with the action's words and code apart; the platform's log adds the school. */
export function auditRecordCells(
  t: Translate,
  locale: Locale,
): {
  header: string[];
  cells: (r: AuditRow) => string[];
};
export function auditRecordCells<R extends AuditRow & { school: string | null }>(
  t: Translate,
  locale: Locale,
  options: { school: true },
): { header: string[]; cells: (r: R) => string[] };
export function auditRecordCells(t: Translate, locale: Locale, options: { school?: boolean } = {}) {
  const school = options.school === true;
  const header = [
    t("audit.time"),
    t("audit.actorKind"),
    t("audit.actor"),
    t("audit.action"),
    t("audit.actionCode"),
    t("audit.target"),
    t("audit.address"),
    t("audit.detail"),
    ...(school ? [t("audit.school")] : []),
  ];
  const cells = (r: AuditRow & { school?: string | null }) => [
    chinaTime(locale, r.createdAt),
    actorKindWords(t, r.actorKind),
    r.actor ?? "",
    actionWords(t, r.action),
    r.action,
    r.target ?? "",
    r.ip ?? "",
    r.detail,
    ...(school ? [r.school ?? ""] : []),
  ];
  return { header, cells };
}

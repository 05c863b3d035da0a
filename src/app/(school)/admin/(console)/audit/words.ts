// The audit log said in words, for its table (columns.tsx) and its CSV export (export/route.ts):
// an action by its name in the messages (its code when it has none yet), an actor's kind, a time
// in China time.
import type { Locale } from "~/i18n/locale";
import { messageKeys, type MessageKey, type Translate } from "~/i18n/messages";
import type { AuditRow } from "~/server/audit/audit-log";

const KNOWN = new Set<string>(messageKeys());

const named = (t: Translate, key: string, otherwise: string) => (KNOWN.has(key) ? t(key as MessageKey) : otherwise);

export const actionWords = (t: Translate, action: string) => named(t, `audit.action.${action}`, action);
export const actorKindWords = (t: Translate, kind: string) => named(t, `audit.kind.${kind}`, kind);
export const auditTime = (locale: Locale, at: Date) => at.toLocaleString(locale, { timeZone: "Asia/Shanghai" });

/** The export's columns: the table's, with the action's words and code apart. */
export function auditRecordCells(t: Translate, locale: Locale) {
  const header = [
    t("audit.time"),
    t("audit.actorKind"),
    t("audit.actor"),
    t("audit.action"),
    t("audit.actionCode"),
    t("audit.target"),
    t("audit.address"),
    t("audit.detail"),
  ];
  const cells = (r: AuditRow) => [
    auditTime(locale, r.createdAt),
    actorKindWords(t, r.actorKind),
    r.actor ?? "",
    actionWords(t, r.action),
    r.action,
    r.target ?? "",
    r.ip ?? "",
    r.detail,
  ];
  return { header, cells };
}

// A refusal carried in a page's address: a plain form post (which works with the page's scripts
// blocked) answers with a 303 to the page, which says the refusal in the reader's language. Only the
// catalogue's code and the whole numbers its message names travel; the words are the catalogue's.
import { ERROR_CATALOG, type AppErrorCode } from "~/server/errors";

/** The numbers a refusal's message may name: a wait, tries left, a cap, a step of an approval chain. */
export const REFUSAL_VARS = ["seconds", "remaining", "minutes", "kib", "max", "step"] as const;

/** `error=CODE` and the numbers its message names, for a page's address. */
export function refusalQuery(error: { code: string; vars: Record<string, string | number> }): URLSearchParams {
  const query = new URLSearchParams({ error: error.code });
  for (const name of REFUSAL_VARS) {
    const value = error.vars[name];
    if (typeof value === "number" && Number.isInteger(value)) query.set(name, String(value));
  }
  return query;
}

/** The refusal a page's address carries, when it names a code of the catalogue. */
export function refusalOf(
  params: Record<string, string | string[] | undefined>,
): { code: AppErrorCode; vars: Record<string, number> } | null {
  const code = params.error;
  if (typeof code !== "string" || !Object.hasOwn(ERROR_CATALOG, code)) return null;
  const vars = Object.fromEntries(
    REFUSAL_VARS.flatMap((name) => {
      const value = params[name];
      return typeof value === "string" && /^\d{1,6}$/.test(value) ? [[name, Number(value)]] : [];
    }),
  );
  return { code: code as AppErrorCode, vars };
}

// Server actions, the forms of our pages (they work in WeChat's in-app browser
// with little JavaScript), all go through runAction: it always answers with a
// result — the message in the user's language on failure, never a thrown
// error or a stack — and lets Next's own redirects pass.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { Locale } from "~/i18n/locale";
import { translator, type Translate } from "~/i18n/messages";
import { fieldErrorsOf, toAppError, type AppErrorCode } from "./errors";
import { rootLogger } from "./log";
import { requestContext, serverApi } from "./request";

export type ActionResult =
  | { ok: true; message?: string }
  /** `code`: the catalogue's code, for a form that shows the next step of a particular refusal. */
  | { ok: false; message: string; code?: AppErrorCode; fieldErrors?: Record<string, string[] | undefined> };

/** An action as useActionState calls it. */
export type FormAction = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

type ActionTools = { api: Awaited<ReturnType<typeof serverApi>>; t: Translate; locale: Locale };

/** A failure as a form shows it: a message in the user's language and the fields at fault. */
export function actionFailure(error: unknown, locale: Locale): ActionResult & { ok: false } {
  const appError = toAppError(error);
  if (appError.code === "INTERNAL") rootLogger().error({ err: error, component: "form-action" }, "form action failed");
  return { ok: false, message: appError.messageIn(locale), code: appError.code, fieldErrors: fieldErrorsOf(error) };
}

/** Runs the work; its string, if any, is the success message. */
export async function runAction(work: (tools: ActionTools) => Promise<string | void>): Promise<ActionResult> {
  const ctx = await requestContext();
  try {
    const message = await work({ api: await serverApi(), t: translator(ctx.locale), locale: ctx.locale });
    return message ? { ok: true, message } : { ok: true };
  } catch (error) {
    unstable_rethrow(error);
    return actionFailure(error, ctx.locale);
  }
}

/** A text field of the form, or undefined when absent or not text (the procedure's schema then says what is wrong). */
export function formText(form: FormData, key: string): string | undefined {
  const value = form.get(key);
  return typeof value === "string" ? value : undefined;
}

/** The named text fields of the form, for a procedure's input. */
export function formFields<K extends string>(form: FormData, keys: readonly K[]): Record<K, string | undefined> {
  return Object.fromEntries(keys.map((key) => [key, formText(form, key)])) as Record<K, string | undefined>;
}

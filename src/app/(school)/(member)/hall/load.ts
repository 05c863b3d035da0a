// A page's read that may be refused (a service closed to the member, an application not theirs):
// the refusal as the catalogue's error, for the page to say, instead of an error page.
import { toAppError, type AppError } from "~/server/errors";

export async function attempt<T>(read: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: AppError }> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    const refusal = toAppError(error);
    if (refusal.code === "INTERNAL" || refusal.code === "UNAUTHENTICATED") throw error;
    return { ok: false, error: refusal };
  }
}

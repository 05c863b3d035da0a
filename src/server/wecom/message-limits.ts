// WeCom's limits on app message texts (reference §5, official doc 90236): a text
// message's content at most 2048 BYTES of UTF-8, a textcard's title 128 bytes and
// description 512 bytes, its button text 4 characters. WeCom does not refuse a
// longer text: it cuts it off silently (§7.5), so a notice would arrive without
// its end (the link, the deadline). The product refuses it instead, before it is
// queued and again before it is sent, saying the limit in bytes and about how
// many 汉字 that is (3 bytes each in UTF-8; letters and digits 1 byte).
import { z } from "zod";
import { AppError, errorMessage, type AppErrorCode } from "~/server/errors";

export const TEXT_CONTENT_MAX_BYTES = 2048;
export const TEXTCARD_TITLE_MAX_BYTES = 128;
export const TEXTCARD_DESCRIPTION_MAX_BYTES = 512;
export const TEXTCARD_BUTTON_MAX_CHARACTERS = 4;

export const utf8Bytes = (text: string): number => Buffer.byteLength(text, "utf8");
/** How many 汉字 fit in `bytes`: each takes 3 bytes of UTF-8. */
const hanziIn = (bytes: number) => Math.floor(bytes / 3);

type TooLong = { code: AppErrorCode; vars: Record<string, number> };

/** An issue carrying the catalogue's message in both languages (like the other schemas' texts), and what checkedMessage needs to rebuild it. */
function tooLongIssue(tooLong: TooLong, path: string[] = []) {
  const message = `${errorMessage(tooLong.code, "zh-CN", tooLong.vars)} / ${errorMessage(tooLong.code, "en", tooLong.vars)}`;
  return { code: "custom" as const, message, path, params: { tooLong } };
}

/** A text message's content: at most 2048 bytes. */
export const textContent = z
  .string()
  .min(1)
  .superRefine((text, ctx) => {
    const bytes = utf8Bytes(text);
    if (bytes > TEXT_CONTENT_MAX_BYTES) {
      ctx.addIssue(
        tooLongIssue({
          code: "WECOM_MESSAGE_TOO_LONG",
          vars: { limit: TEXT_CONTENT_MAX_BYTES, hanzi: hanziIn(TEXT_CONTENT_MAX_BYTES), bytes },
        }),
      );
    }
  });

/** A textcard: title ≤ 128 bytes, description ≤ 512 bytes, button ≤ 4 characters. */
export const textCard = z
  .object({ title: z.string().min(1), description: z.string().min(1), url: z.string().url(), btntxt: z.string().min(1).optional() })
  .superRefine((card, ctx) => {
    const sizes = {
      titleBytes: utf8Bytes(card.title),
      descriptionBytes: utf8Bytes(card.description),
      buttonCharacters: [...(card.btntxt ?? "")].length,
    };
    const over = [
      sizes.titleBytes > TEXTCARD_TITLE_MAX_BYTES && "title",
      sizes.descriptionBytes > TEXTCARD_DESCRIPTION_MAX_BYTES && "description",
      sizes.buttonCharacters > TEXTCARD_BUTTON_MAX_CHARACTERS && "btntxt",
    ].filter((field): field is string => field !== false);
    if (over.length === 0) return;
    const vars = {
      titleLimit: TEXTCARD_TITLE_MAX_BYTES,
      titleHanzi: hanziIn(TEXTCARD_TITLE_MAX_BYTES),
      descriptionLimit: TEXTCARD_DESCRIPTION_MAX_BYTES,
      descriptionHanzi: hanziIn(TEXTCARD_DESCRIPTION_MAX_BYTES),
      buttonLimit: TEXTCARD_BUTTON_MAX_CHARACTERS,
      ...sizes,
    };
    for (const field of over) ctx.addIssue(tooLongIssue({ code: "WECOM_CARD_TOO_LONG", vars }, [field]));
  });

/** The value if it fits; else the AppError saying which limit it breaks, or INVALID_INPUT. */
export function checkedMessage<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const tooLong = issue.code === "custom" ? (issue.params as { tooLong?: TooLong } | undefined)?.tooLong : undefined;
    if (tooLong) throw new AppError(tooLong.code, tooLong.vars);
  }
  throw new AppError("INVALID_INPUT");
}

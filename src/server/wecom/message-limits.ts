// WeCom's limits on app message texts (reference §5, official doc 90236): a text
// message's content at most 2048 BYTES of UTF-8, a textcard's title 128 bytes and
// description 512 bytes, its button text 4 characters. WeCom does not refuse a
// longer text: it cuts it off silently (§7.5), so a notice would arrive without
// its end (the link, the deadline). The product refuses it instead, before it is
// queued and again before it is sent, saying the limit in bytes and about how
// many 汉字 that is (3 bytes each in UTF-8; letters and digits 1 byte).
import { z } from "zod";
import { AppError, errorMessage } from "~/server/errors";

export const TEXT_CONTENT_MAX_BYTES = 2048;
export const TEXTCARD_TITLE_MAX_BYTES = 128;
export const TEXTCARD_DESCRIPTION_MAX_BYTES = 512;
export const TEXTCARD_BUTTON_MAX_CHARACTERS = 4;

export const utf8Bytes = (text: string): number => Buffer.byteLength(text, "utf8");

type Part = { zh: string; en: string };
const PARTS = {
  text: { zh: "消息内容", en: "message text" },
  title: { zh: "卡片标题", en: "card title" },
  description: { zh: "卡片描述", en: "card description" },
  button: { zh: "按钮文字", en: "button text" },
} satisfies Record<string, Part>;

type TooLong = { partZh: string; partEn: string; limitZh: string; limitEn: string; actualZh: string; actualEn: string };

function bytesOver(part: Part, limit: number, text: string): TooLong | null {
  const bytes = utf8Bytes(text);
  if (bytes <= limit) return null;
  const hanzi = Math.floor(limit / 3);
  return {
    partZh: part.zh,
    partEn: part.en,
    limitZh: `${limit} 字节（约 ${hanzi} 个汉字）`,
    limitEn: `${limit} bytes (about ${hanzi} Chinese characters)`,
    actualZh: `${bytes} 字节`,
    actualEn: `${bytes} bytes`,
  };
}

function charactersOver(part: Part, limit: number, text: string): TooLong | null {
  const characters = [...text].length;
  if (characters <= limit) return null;
  return { partZh: part.zh, partEn: part.en, limitZh: `${limit} 个字`, limitEn: `${limit} characters`, actualZh: `${characters} 个字`, actualEn: `${characters} characters` };
}

/** A string schema that refuses what `over` finds too long, with the catalogue's message in both languages. */
function limited(over: (text: string) => TooLong | null) {
  return z
    .string()
    .min(1)
    .superRefine((text, ctx) => {
      const vars = over(text);
      if (!vars) return;
      // Forms show one message per field, in both languages like the other schemas' texts.
      const message = `${errorMessage("WECOM_MESSAGE_TOO_LONG", "zh-CN", vars)} / ${errorMessage("WECOM_MESSAGE_TOO_LONG", "en", vars)}`;
      ctx.addIssue({ code: "custom", message, params: { tooLong: vars } });
    });
}

/** A text message's content: at most 2048 bytes. */
export const textContent = limited((text) => bytesOver(PARTS.text, TEXT_CONTENT_MAX_BYTES, text));

export const textCard = z.object({
  title: limited((text) => bytesOver(PARTS.title, TEXTCARD_TITLE_MAX_BYTES, text)),
  description: limited((text) => bytesOver(PARTS.description, TEXTCARD_DESCRIPTION_MAX_BYTES, text)),
  url: z.string().url(),
  btntxt: limited((text) => charactersOver(PARTS.button, TEXTCARD_BUTTON_MAX_CHARACTERS, text)).optional(),
});

/** The value if it fits; else the AppError saying which limit it breaks (WECOM_MESSAGE_TOO_LONG) or INVALID_INPUT. */
export function checkedMessage<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const vars = issue.code === "custom" ? (issue.params as { tooLong?: TooLong } | undefined)?.tooLong : undefined;
    if (vars) throw new AppError("WECOM_MESSAGE_TOO_LONG", vars);
  }
  throw new AppError("INVALID_INPUT");
}

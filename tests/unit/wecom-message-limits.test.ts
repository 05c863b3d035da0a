// WeCom's message limits are bytes of UTF-8, not characters (OFF 90236): a 汉字 is
// 3 bytes, so 683 of them are already too long for a 2048-byte text.
import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { wecomSyncJob } from "~/server/wecom/sync";
import { checkedMessage, textCard, textContent, utf8Bytes } from "~/server/wecom/message-limits";

const tenantId = "00000000-0000-4000-8000-000000000001";
const memberIds = ["00000000-0000-4000-8000-000000000002"];

describe("a text message's 2048-byte limit", () => {
  it("takes 682 汉字 and 2 letters (exactly 2048 bytes)", () => {
    const content = `${"认".repeat(682)}ok`;
    expect(utf8Bytes(content)).toBe(2048);
    expect(checkedMessage(textContent, content)).toBe(content);
    expect(wecomSyncJob.parse({ kind: "message.text", tenantId, memberIds, content })).toMatchObject({ content });
  });

  it("refuses 683 汉字 (2049 bytes, though only 683 characters) naming the limit in bytes and in 汉字", () => {
    const content = "认".repeat(683);
    const error = (() => {
      try {
        checkedMessage(textContent, content);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("WECOM_MESSAGE_TOO_LONG");
    expect((error as AppError).messageIn("zh-CN")).toBe(
      "消息内容过长：企业微信最多接受 2048 字节（约 682 个汉字；字母和数字每个 1 字节），当前为 2049 字节，超出部分会被企业微信截掉。请删减后再发送。",
    );
    expect((error as AppError).messageIn("en")).toContain(
      "at most 2048 bytes (about 682 Chinese characters; a letter or digit is 1 byte), and this one is 2049 bytes",
    );
  });

  it("keeps an over-long text out of the sync queue, with the same message for a form", () => {
    const parsed = wecomSyncJob.safeParse({ kind: "message.text", tenantId, memberIds, content: "认".repeat(683) });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain("2048 字节（约 682 个汉字");
    expect(parsed.error?.issues[0]?.message).toContain("2048 bytes");
  });

  it("counts letters as one byte: 2048 letters fit, 2049 do not", () => {
    expect(() => checkedMessage(textContent, "a".repeat(2048))).not.toThrow();
    expect(() => checkedMessage(textContent, "a".repeat(2049))).toThrow(AppError);
  });

  it("refuses an empty text as invalid input, not as too long", () => {
    expect(() => checkedMessage(textContent, "")).toThrow(new AppError("INVALID_INPUT"));
  });
});

/** The sizes a too-long text card is refused with (WECOM_CARD_TOO_LONG), and its message. */
function refusal(card: unknown): { vars: Record<string, string | number>; zh: string } {
  try {
    checkedMessage(textCard, card);
  } catch (error) {
    if (error instanceof AppError && error.code === "WECOM_CARD_TOO_LONG") return { vars: error.vars, zh: error.messageIn("zh-CN") };
    throw error;
  }
  throw new Error("the card was accepted");
}

describe("a text card's limits", () => {
  const card = { title: "认证通知", description: "请完成认证", url: "https://ucas.campus.example/join", btntxt: "去认证" };

  it("takes a title of 128 bytes and a description of 512", () => {
    expect(checkedMessage(textCard, { ...card, title: `${"标".repeat(42)}ab`, description: `${"描".repeat(170)}ab` })).toMatchObject({
      btntxt: "去认证",
    });
  });

  it("refuses a title over 128 bytes, a description over 512 bytes and a button over 4 characters, saying each limit", () => {
    const title = refusal({ ...card, title: "标".repeat(43) });
    expect(title.vars).toMatchObject({ titleBytes: 129, descriptionBytes: 15 });
    expect(title.zh).toContain("标题 128 字节（约 42 个汉字）");
    expect(title.zh).toContain("当前标题 129 字节");
    expect(refusal({ ...card, description: "描".repeat(171) }).zh).toContain("描述 513 字节");
    expect(refusal({ ...card, btntxt: "立即去认证" }).vars).toMatchObject({ buttonCharacters: 5, buttonLimit: 4 });
  });
});

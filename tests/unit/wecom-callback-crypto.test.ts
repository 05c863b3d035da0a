// The product's callback decoder against the reference's own test vectors
// (wecom-api.md §7.2) and against tampering.
import { describe, expect, it } from "vitest";
import { CallbackCryptoError, decryptMessage, encryptMessage, openCallback } from "~/server/wecom/callback-crypto";

const A = { token: "RefToken123", encodingAesKey: "boitUnefUVeUmraz0pHCRL8pCvGOQjQAKL5jfOAYGi8", receiveId: "wwREFERENCE0000001" };
const A_ECHO = "9MEb6TSJ80v+XPHivZOcRQx0Ezes/STZsNTTHicn8VqnwQUJCJmVF9uy0m5ge8F9NaspvOLBC4kDSGt1ebiDsw==";
const A_EVENT =
  "IHLT923+tJy9iW+Eav3HVvNIN9/eaAI03w16HroPnMHH6i8NGRn35sv7oXqzoGK7k8qq8icQ7IeXcuplw8+rLut1rT8b0+u3cFcwXFUZO0M1OWaoE5QqSaTeVWUNMkoRLTuzgKoO+nCGlBPoBTzCWRvPfWMgPc2OR4LKb1u9O9TwUs7nMHTaDfbq63zBv3inX9+U6OgiGir52jb3udizLUHquwnkoJ539KCqNQzb3+rZrQ+Kp/xuenH72mjqe2BMFssBKSYZFVClCN7xQoIVlc4DWp0tVLHuOm+Pl6EA26BRROoUH35/b96VCv08n5prFuII4DgjnXcuW+wXgfb+Rc/3GoeSqL83st4sAUhYjWNtQlM6HEJIwOK5Km9BIumhFClgzNohYyMsDRmdYXs7YG9kx2EUDPMo3Zgnr56ZIsfGjB1jfueJrvzX7Q8uHNiA603Y/ZlanrqspAsfhF2A2obA/bO1wqgKFWLxQdUAOuJYNrtu5k9O4jaFx22f1ec+";
const A_EVENT_XML =
  "<xml><ToUserName><![CDATA[wwREFERENCE0000001]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event><ChangeType>create_user</ChangeType><UserID><![CDATA[s2024001]]></UserID><Department><![CDATA[1,2]]></Department></xml>";
const B = { token: "123456", encodingAesKey: "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR", receiveId: "wx49f0ab532d5d035a" };
const B_ECHO = "4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==";

describe("WeCom callback crypto (reference vectors)", () => {
  it("answers vector A's URL check with the echo plaintext", () => {
    expect(
      openCallback(
        { signature: "7aa97bf19d4efa32137a9df07bc3e78b43966caa", timestamp: "1700000000", nonce: "1357924680", encrypted: A_ECHO },
        A,
      ),
    ).toBe("8402517391028844121");
  });

  it("decrypts vector A's change_contact event to its XML", () => {
    expect(
      openCallback(
        { signature: "32b5ae9d0cf8924720664681da9922770f38ef4a", timestamp: "1700000001", nonce: "24681357", encrypted: A_EVENT },
        A,
      ),
    ).toBe(A_EVENT_XML);
  });

  it("re-encrypts vector A's event bit for bit given the same random prefix", () => {
    expect(encryptMessage(A_EVENT_XML, A, Buffer.from("0123456789ABCDEF"))).toBe(A_EVENT);
  });

  it("answers wechatpy's vector B, and refuses it once the nonce changes", () => {
    const params = {
      signature: "dd6b9c95b495b3f7e2901bfbc76c664930ffdb96",
      timestamp: "1411443780",
      nonce: "437374425",
      encrypted: B_ECHO,
    };
    expect(openCallback(params, B)).toBe("5927782489442352469");
    expect(() => openCallback({ ...params, nonce: "437374424" }, B)).toThrow(expect.objectContaining({ code: -40001 }) as Error);
  });
});

describe("tampered or misdirected callbacks are refused", () => {
  it("refuses a changed ciphertext that still carries the original signature", () => {
    const bytes = Buffer.from(A_EVENT, "base64");
    bytes[40] = (bytes[40] ?? 0) ^ 0xff;
    const tampered = bytes.toString("base64");
    expect(() =>
      openCallback(
        { signature: "32b5ae9d0cf8924720664681da9922770f38ef4a", timestamp: "1700000001", nonce: "24681357", encrypted: tampered },
        A,
      ),
    ).toThrow(expect.objectContaining({ code: -40001 }) as Error);
  });

  it("refuses a replayed event whose timestamp was changed", () => {
    expect(() =>
      openCallback(
        { signature: "32b5ae9d0cf8924720664681da9922770f38ef4a", timestamp: "1700009999", nonce: "24681357", encrypted: A_EVENT },
        A,
      ),
    ).toThrow(expect.objectContaining({ code: -40001 }) as Error);
  });

  it("refuses a message sealed for another corp", () => {
    const sealed = encryptMessage("<xml/>", { ...A, receiveId: "wwOTHERCORP" });
    expect(() => decryptMessage(sealed, A)).toThrow(expect.objectContaining({ code: -40005 }) as Error);
  });

  it("refuses a malformed EncodingAESKey and non-base64 garbage", () => {
    expect(() => decryptMessage(A_ECHO, { ...A, encodingAesKey: "short" })).toThrow(expect.objectContaining({ code: -40004 }) as Error);
    expect(() => decryptMessage("not really base64!!", A)).toThrow(CallbackCryptoError);
  });

  it("round-trips any message, padding to whole 32-byte blocks", () => {
    for (const message of ["", "x", "中文消息".repeat(7), "a".repeat(12)]) {
      const sealed = encryptMessage(message, A);
      expect(Buffer.from(sealed, "base64").length % 32).toBe(0);
      expect(decryptMessage(sealed, A)).toBe(message);
    }
  });
});

// The 二次验证 page's ticket (what it learnt from WeCom's single-use code, carried by its form to the
// button's post): only the member of the school it was sealed for can use it, for WeCom's 5
// minutes, and not a byte of it can be changed.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { openTicket, SECOND_VERIFICATION_TICKET_TTL_MS, sealTicket } from "~/server/journey/second-verification-ticket";

const key = randomBytes(32);
const holder = { tenantId: "tenant-a", memberId: "member-a" };
const ticket = { api: "tfa" as const, userid: "2024001", tfaCode: "tfa-code" };
const at = Date.UTC(2026, 8, 1, 8, 0, 0);

const refused = (open: () => unknown) => {
  try {
    open();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return "opened";
};

describe("the 二次验证 ticket", () => {
  it("opens for the member and school it was sealed for, with what the page learnt", () => {
    expect(openTicket(key, holder, sealTicket(key, holder, ticket, at), at + 1000)).toEqual(ticket);
    const authsucc = { api: "authsucc" as const, userid: "2024001" };
    expect(openTicket(key, holder, sealTicket(key, holder, authsucc, at), at)).toEqual(authsucc);
  });

  it("is refused to another member, another school, and anyone after WeCom's 5 minutes", () => {
    const sealed = sealTicket(key, holder, ticket, at);
    expect(refused(() => openTicket(key, { ...holder, memberId: "member-b" }, sealed, at))).toBe("SECOND_VERIFICATION_EXPIRED");
    expect(refused(() => openTicket(key, { ...holder, tenantId: "tenant-b" }, sealed, at))).toBe("SECOND_VERIFICATION_EXPIRED");
    expect(refused(() => openTicket(key, holder, sealed, at + SECOND_VERIFICATION_TICKET_TTL_MS - 1))).toBe("opened");
    expect(refused(() => openTicket(key, holder, sealed, at + SECOND_VERIFICATION_TICKET_TTL_MS))).toBe("SECOND_VERIFICATION_EXPIRED");
  });

  it("is refused when altered, or sealed under another key", () => {
    const sealed = sealTicket(key, holder, ticket, at);
    const body = sealed.split(".")[3]!;
    const flipped = `${body.slice(0, -2)}${body.endsWith("AA") ? "BB" : "AA"}`;
    expect(refused(() => openTicket(key, holder, sealed.replace(body, flipped), at))).toBe("SECOND_VERIFICATION_EXPIRED");
    expect(refused(() => openTicket(randomBytes(32), holder, sealed, at))).toBe("SECOND_VERIFICATION_EXPIRED");
    expect(refused(() => openTicket(key, holder, "not-a-ticket", at))).toBe("SECOND_VERIFICATION_EXPIRED");
  });
});

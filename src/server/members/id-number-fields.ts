// 证件类型 and 证件号 as the member form sends them and as they are stored: the number sealed to its
// row (crypto/secrets.ts) and blind-indexed per school for the exact-match search, as the seed does.
import { z } from "zod";
import { blindIndex, encryptSecret, normaliseIdNumber, sealContext } from "~/server/crypto/secrets";
import { encryptionKey } from "~/server/crypto/keys";
import { AppError } from "~/server/errors";
import { RESIDENT_ID_SHAPE, residentIdCheckOk } from "./id-number";
import { ID_TYPES, RESIDENT_ID } from "./member-profile";

export const idTypeInput = z
  .string()
  .trim()
  .refine((v) => v === "" || ID_TYPES.some((t) => t.zh === v), { message: "请从列表中选择证件类型 / Choose an ID type from the list" });

/** An 18-character resident ID is held to its check character whatever type was chosen: it cannot be anything else. */
export const idNumberInput = z
  .string()
  .max(64)
  .transform(normaliseIdNumber)
  .pipe(
    z
      .string()
      .max(32)
      .regex(/^[0-9A-Z-]*$/, { message: "证件号只能包含字母、数字和 - / Letters, digits and - only" })
      .refine((v) => !RESIDENT_ID_SHAPE.test(v) || residentIdCheckOk(v), {
        message: "身份证号校验位不正确，请核对 / The ID number's check digit is wrong: check it",
      }),
  );

/** The sealed number and its blind index for the row `memberId`; nothing when no number was typed. */
export function idNumberFields(memberId: string, tenantId: string, idType: string | undefined, idNumber: string | undefined) {
  if (!idNumber) return {};
  if (idType === RESIDENT_ID && !RESIDENT_ID_SHAPE.test(idNumber)) throw new AppError("ID_NUMBER_INVALID");
  const key = encryptionKey();
  return {
    idNumberEnc: encryptSecret(idNumber, key, sealContext("Member", "idNumberEnc", memberId)),
    idNumberHash: blindIndex(idNumber, key, tenantId),
  };
}

// An update's changes to the UCAS form's fields (证件类型, 证件号, the profile), against the row as
// stored: the number is compared by its blind index (its ciphertext differs on every seal), the
// profile by value, and only the fields sent are touched.
import type { Prisma } from "~/generated/prisma/client";
import { blindIndex } from "~/server/crypto/secrets";
import { encryptionKey } from "~/server/crypto/keys";
import { idNumberFields } from "./id-number-fields";
import { profileOf, readProfile, PROFILE_KEYS, type ProfileKey } from "./member-profile";

export const ucasSelect = { idType: true, idNumberHash: true, profile: true } as const;
type Stored = Prisma.MemberGetPayload<{ select: typeof ucasSelect }>;
type Sent = { idType?: string; idNumber?: string } & Partial<Record<ProfileKey, string>>;

export function ucasChanges(before: Stored, input: Sent, ids: { memberId: string; tenantId: string }) {
  const data: Prisma.MemberUncheckedUpdateInput = {};
  const changed: string[] = [];
  const idType = input.idType === undefined ? before.idType : input.idType || null;
  if (idType !== before.idType) {
    data.idType = idType;
    changed.push("idType");
  }
  if (input.idNumber && blindIndex(input.idNumber, encryptionKey(), ids.tenantId) !== before.idNumberHash) {
    Object.assign(data, idNumberFields(ids.memberId, ids.tenantId, idType ?? undefined, input.idNumber));
    changed.push("idNumber");
  }
  const stored = readProfile(before.profile);
  const merged = profileOf({
    ...stored,
    ...Object.fromEntries(PROFILE_KEYS.filter((k) => input[k] !== undefined).map((k) => [k, input[k]])),
  });
  const profileChanged = PROFILE_KEYS.filter((k) => (stored[k] ?? "") !== (merged[k] ?? ""));
  if (profileChanged.length > 0) {
    data.profile = merged;
    changed.push(...profileChanged);
  }
  return { data, changed };
}

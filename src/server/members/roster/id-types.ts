// Which ID types a roster's rows check as a resident ID card (members/id-number.ts checks the number).
/** The ID types checked as a resident ID card; an empty type with a number is taken as one (most rosters). */
const RESIDENT_ID_TYPES = new Set([
  "",
  "居民身份证",
  "身份证",
  "中华人民共和国居民身份证",
  "二代身份证",
  "residentidcard",
  "idcard",
  "resident id card",
  "id card",
]);

export function isResidentIdType(idType: string): boolean {
  return RESIDENT_ID_TYPES.has(idType.toLowerCase());
}

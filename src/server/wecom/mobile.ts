// A member's phone as WeCom holds it (the product stores E.164).

/** Mainland numbers as plain 11 digits, foreign ones with their "+" prefix (WeCom allows digits, "+" and "-"). */
export function wecomMobileOf(e164: string): string {
  return e164.startsWith("+86") ? e164.slice(3) : e164;
}

// Phone numbers as WeCom and WeChat compare them. The same number arrives in several spellings
// (`13800000001`, `+86 13800000001`, `+8613800000001`, a foreign `0085291234567` with the "00"
// prefix the manuals ask for), so equality is on one canonical form.

/** 60103: at most 32 characters, digits, "+" and "-" (the official example "+86 138…" also has one space). */
export function isValidWecomMobile(mobile: string): boolean {
  return mobile.length >= 1 && mobile.length <= 32 && /^(\+\d{1,4} )?[+\-\d]*\d[+\-\d]*$/.test(mobile);
}

export function canonicalPhone(phone: string): string {
  let p = phone.replace(/[\s-]/g, "");
  if (p.startsWith("00")) p = `+${p.slice(2)}`;
  if (/^\+861[3-9]\d{9}$/.test(p)) p = p.slice(3);
  return p;
}

export const samePhone = (a: string | null | undefined, b: string | null | undefined): boolean =>
  !!a && !!b && canonicalPhone(a) === canonicalPhone(b);

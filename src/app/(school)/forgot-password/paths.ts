/** The code's page of 忘记密码 for a ticket, with what the address carries besides (a refusal, the code's minutes). */
export function resetPagePath(ticket: string, extra: URLSearchParams | Record<string, number>): string {
  const query = new URLSearchParams({ t: ticket });
  const more = extra instanceof URLSearchParams ? extra : new URLSearchParams(Object.entries(extra).map(([k, v]) => [k, String(v)]));
  for (const [name, value] of more) query.set(name, value);
  return `/forgot-password/reset?${query.toString()}`;
}

// The operator's list of private origins (PrivateOrigin, kept on /vendor/private-origins): the CAS
// and OIDC servers besides public https ones that the platform may call — a school's unified login
// on its campus network, reached from an on-premises install or over a private line, and the demo's
// simulators. An origin on the list is allowed exactly as listed (its scheme, host and port, to
// whatever address it resolves); it opens nothing beside it. The list is the platform's, not a
// school's, so it is read with the platform's client, and read afresh at every use (no cache): an
// origin the operator removes stops working at the next call, not at the school's next save.
import { db } from "~/server/db/client";

/** Each listed origin (as URL.origin spells it) with the operator's note on whose it is and why. */
export type PrivateOrigins = ReadonlyMap<string, string>;

export const NO_PRIVATE_ORIGINS: PrivateOrigins = new Map();

type Reader = () => Promise<PrivateOrigins>;

const platformReader: Reader = async () => {
  const rows = await db().privateOrigin.findMany({ select: { origin: true, note: true } });
  return new Map(rows.map((row) => [row.origin, row.note]));
};

let reader: Reader = platformReader;

/** The list as it stands now. */
export function privateOrigins(): Promise<PrivateOrigins> {
  return reader();
}

/** For unit tests without a database: answer with `next`; null restores the database's list. */
export function setPrivateOriginsForTests(next: Reader | null): void {
  reader = next ?? platformReader;
}

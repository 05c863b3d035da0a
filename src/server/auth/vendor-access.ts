// Where the vendor console may be used from: VENDOR_ALLOWED_ADDRESSES (IPs and
// CIDRs; unset = anywhere). Checked at sign-in, by the vendor procedure builders
// and by the vendor pages' guard, so a session carried to another network stops.
import { serverEnv } from "~/env";
import { AppError } from "~/server/errors";
import { addressInList } from "~/server/http/address-list";

export function vendorAddressAllowed(address: string | null): boolean {
  const list = serverEnv().VENDOR_ALLOWED_ADDRESSES;
  return list.length === 0 || addressInList(list, address);
}

/** Throws VENDOR_ADDRESS_NOT_ALLOWED (HTTP 403) for a client outside the allow-list. */
export function assertVendorAddressAllowed(address: string | null): void {
  if (!vendorAddressAllowed(address)) throw new AppError("VENDOR_ADDRESS_NOT_ALLOWED", { address: address ?? "?" });
}

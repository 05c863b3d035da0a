// Types of address-list.mjs (plain JavaScript so that src/env.mjs can load it).
import type { IPv4, IPv6 } from "ipaddr.js";

export type AddressList = [IPv4 | IPv6, number][];

export function parseAddressList(raw: string | undefined): AddressList;
export function addressInList(list: AddressList, client: string | null | undefined): boolean;

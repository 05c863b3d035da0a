// The hall's addresses and the limits of its form posts (pages and route handlers share them).
import { z } from "zod";

/** A form of up to 50 fields of up to 5000 characters of 汉字 (3 bytes each, percent-encoded ×3). */
export const MAX_FORM_BYTES = 512 * 1024;
export const MAX_SMALL_FORM_BYTES = 8 * 1024;

export const hallPaths = {
  home: "/hall",
  sent: "/hall/sent",
  received: (tab: "todo" | "done" = "todo") => (tab === "done" ? "/hall/received?tab=done" : "/hall/received"),
  service: (serviceId: string) => `/hall/s/${serviceId}`,
  application: (id: string) => `/hall/a/${id}`,
};

export const uuid = z.string().uuid();
/** The version of the application the page showed (hidden input). */
export const pageVersion = z.coerce.number().int().min(0).max(1_000_000);

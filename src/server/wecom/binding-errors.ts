// WeCom's directory refusals as the product's own binding errors, so a member
// sees what the manuals call them and what to do next.
import { AppError } from "~/server/errors";
import { WecomApiError, type WecomError } from "./errors";

const BY_ERRCODE: Record<number, ConstructorParameters<typeof AppError>[0]> = {
  60104: "PHONE_ALREADY_EXISTS",
  60103: "INVALID_INPUT",
  60106: "EMAIL_ALREADY_EXISTS",
  60105: "INVALID_INPUT",
};

/** The member-facing error for a failed WeCom directory write. */
export function bindingErrorFor(error: WecomError): AppError {
  if (error instanceof WecomApiError) {
    const code = BY_ERRCODE[error.errcode];
    if (code) return new AppError(code);
  }
  return new AppError("WECOM_UNAVAILABLE");
}

// Engines and drivers reject with strings, plain objects or nothing at all; every
// message this tool prints goes through here so none of them reads "undefined".

export function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (typeof error === "string") return new Error(error);
  const message = (error as { message?: unknown } | null | undefined)?.message;
  if (typeof message === "string") return new Error(message);
  return new Error(error === undefined ? "failed without saying why" : JSON.stringify(error));
}

/** A connection string fit for a message: the password replaced. */
export function redact(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "the database";
  }
}

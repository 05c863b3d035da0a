// Every request gets an id of the platform's own making (src/proxy.ts sets it,
// replacing any a client sent), carried by its log lines and returned to the
// client, so a user's report ("请求编号 …") finds the lines of that request.
export const REQUEST_ID_HEADER = "x-request-id";

/** The path (and query) a page was asked for, set by src/proxy.ts for the page guards' return address. */
export const REQUEST_PATH_HEADER = "x-request-path";

// What the login routes answer, as data: where the browser goes next and the cookies it takes
// along. The HTTP layer (src/server/http/identity-answer.ts) turns it into the Response; the
// identity functions never build one.

/** A redirect of ours (302 to the school's login page, 303 after a callback or a post). */
export type LoginRedirect = { kind: "redirect"; location: string; cookies: string[]; status: 302 | 303 };

/**
 * On to the school's logout page after 【不是我，换个账号】: not a redirect, since the switch is a form
 * post and a browser holds a post's redirects to the page's CSP form-action ('self'), which the
 * school's server is not; a page that sends the browser on by itself is.
 */
export type LeaveForLogout = { kind: "leave"; url: URL; cookies: string[] };

export type IdentityAnswer = LoginRedirect | LeaveForLogout;

export const redirect = (location: string, cookies: string[] = [], status: 302 | 303 = 303): LoginRedirect => ({
  kind: "redirect",
  location,
  cookies,
  status,
});

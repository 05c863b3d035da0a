// Our login page on a school's origin: where the school's server sends the browser after its
// logout (CAS service, OIDC post_logout_redirect_uri), registered with the school.
export const loginPageUrl = (origin: string) => `${origin}/login`;

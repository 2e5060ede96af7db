/** True when a value holds a control character (CR, LF, NUL…): never part of a URL to go to. */
export function hasControlCharacter(value: string): boolean {
  return /[\u0000-\u001f\u007f]/.test(value);
}

/**
 * Whether next-auth can act on a callback URL: a path, or an absolute http(s) URL. On anything else
 * (`%ZZ`, `javascript:…`) next-auth throws, and Next answers the request with a 500.
 */
export function isCallbackUrlNextAuthAccepts(value: string): boolean {
  if (hasControlCharacter(value)) return false;
  if (value.startsWith("/")) return true;
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

/** The answer to a callback URL that is refused, from the proxy and from the auth route alike. */
export function invalidCallbackUrlResponse(): Response {
  return Response.json(
    { error: { code: "INVALID_CALLBACK_URL", message: "The callback URL is not valid." } },
    { status: 400 },
  );
}

/** Where to go after signing in: only a path on this site, never another origin ("//evil.com"). */
export function safeCallbackUrl(value: unknown, fallback = "/account"): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) && !hasControlCharacter(value)
    ? value
    : fallback;
}

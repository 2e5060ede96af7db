import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { config } from "@/lib/config";

/**
 * next-auth v4's CSRF cookie: `__Host-` prefixed when its cookies are secure, which it decides
 * from its URL (NEXTAUTH_URL, set to APP_URL in auth-options.ts).
 */
export function csrfCookieName(): string {
  return `${config().appUrl.startsWith("https://") ? "__Host-" : ""}next-auth.csrf-token`;
}

/**
 * Whether a sign-in form carries next-auth's CSRF token, checked before anything is counted for
 * the email it names. The same double-submit check as next-auth v4 (core/lib/csrf-token.js): the
 * cookie is `<token>|sha256(<token><secret>)` and the form's `csrfToken` is `<token>`; compared in
 * constant time.
 */
export function verifyCsrfToken(options: {
  cookieHeader: string | null;
  formToken: string | null;
}): boolean {
  const cookie = readCookie(options.cookieHeader, csrfCookieName());
  if (!cookie || !options.formToken) return false;
  const [token = "", hash = ""] = cookie.split("|");
  const expected = createHash("sha256").update(`${token}${config().authSecret}`).digest("hex");
  return sameText(hash, expected) && sameText(options.formToken, token);
}

function sameText(a: string, b: string): boolean {
  const [left, right] = [Buffer.from(a), Buffer.from(b)];
  return left.length === right.length && timingSafeEqual(left, right);
}

// next-auth writes its cookies URI-encoded (`|` as `%7C`); Next decodes them the same way.
function readCookie(header: string | null, name: string): string | undefined {
  for (const pair of (header ?? "").split(";")) {
    const separator = pair.indexOf("=");
    if (separator === -1 || pair.slice(0, separator).trim() !== name) continue;
    const value = pair.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

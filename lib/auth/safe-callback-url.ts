/** Where to go after signing in: only a path on this site, never another origin ("//evil.com"). */
export function safeCallbackUrl(value: unknown, fallback = "/account"): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : fallback;
}

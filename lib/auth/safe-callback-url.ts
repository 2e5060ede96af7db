/** True when a value holds a control character (CR, LF, NUL…): never part of a URL to go to. */
export function hasControlCharacter(value: string): boolean {
  return /[\u0000-\u001f\u007f]/.test(value);
}

/** Where to go after signing in: only a path on this site, never another origin ("//evil.com"). */
export function safeCallbackUrl(value: unknown, fallback = "/account"): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) && !hasControlCharacter(value)
    ? value
    : fallback;
}

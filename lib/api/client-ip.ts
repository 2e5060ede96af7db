/**
 * The client's address as the proxy in front of the app reports it (first X-Forwarded-For hop,
 * or X-Real-IP). Without a proxy these headers are whatever the client sent, so deploy behind
 * one that sets them (see README).
 */
export function clientIp(headers: { get(name: string): string | null }): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || headers.get("x-real-ip")?.trim() || "unknown").slice(0, 64);
}

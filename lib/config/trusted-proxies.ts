import { isIP } from "node:net";
import type { z } from "zod";

export type TrustedSubnet = { address: string; prefix: number; family: "ipv4" | "ipv6" };

/**
 * Who may tell the app the client's address in X-Forwarded-For: the number of proxy hops in front
 * of it, or the addresses (CIDRs) of the proxies. Unset: nobody, and the socket's address is the
 * client's.
 */
export type TrustedProxies = { hops: number } | { subnets: TrustedSubnet[] };

const MAX_HOPS = 10;

/** TRUSTED_PROXIES: `1` (hops) or `10.0.0.0/8, 2001:db8::/32, 192.0.2.7` (proxy addresses). */
export function parseTrustedProxies(
  value: string | undefined,
  context: z.RefinementCtx,
): TrustedProxies | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= MAX_HOPS) return hops === 0 ? undefined : { hops };
    context.addIssue({ code: "custom", message: `At most ${MAX_HOPS} proxy hops.` });
    return undefined;
  }
  const subnets: TrustedSubnet[] = [];
  for (const entry of value.split(",").map((part) => part.trim())) {
    const subnet = parseSubnet(entry);
    if (subnet) subnets.push(subnet);
    else
      context.addIssue({
        code: "custom",
        message: `"${entry}" is neither a number of proxy hops nor an IP address or CIDR range.`,
      });
  }
  return { subnets };
}

function parseSubnet(entry: string): TrustedSubnet | undefined {
  const [address = "", prefixText, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return undefined;
  const maxPrefix = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? maxPrefix : Number(prefixText);
  if (!/^\d+$/.test(prefixText ?? "0") || prefix > maxPrefix) return undefined;
  return { address, prefix, family: version === 4 ? "ipv4" : "ipv6" };
}

import "server-only";
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";
import { config } from "@/lib/config";
import type { TrustedProxies } from "@/lib/config/trusted-proxies";
import { stampedClientAddress } from "./client-address-header";

type Headers = { get(name: string): string | null };

/**
 * The client's address for a route handler, server action or page: the socket's address that
 * server.ts stamped, or an X-Forwarded-For entry written by a proxy TRUSTED_PROXIES names.
 */
export function clientIp(headers: Headers): string {
  return resolveClientIp({
    forwardedFor: headers.get("x-forwarded-for"),
    remoteAddress: stampedClientAddress(headers),
    trustedProxies: config().trustedProxies,
  });
}

/** The client's address for a request answered straight from node:http (server.ts). */
export function socketClientIp(incoming: IncomingMessage): string {
  const forwarded = incoming.headers["x-forwarded-for"];
  return resolveClientIp({
    forwardedFor: Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? null),
    remoteAddress: incoming.socket.remoteAddress,
    trustedProxies: config().trustedProxies,
  });
}

/**
 * Walks the hops from the socket back towards the client, right to left through X-Forwarded-For
 * (each proxy appends the address it received the request from), past the trusted proxies: the
 * first untrusted hop is the client. Entries left of it are whatever the client sent and are never
 * believed. With no trusted proxy the socket's address is the client and the headers are ignored.
 *
 * With no known address (no server stamped the request: `next dev`, `next start`), the answer is
 * unique to this request rather than one bucket shared by every client, so per-address limits do
 * not apply; the other limits (per email, per license key) still do.
 */
export function resolveClientIp(options: {
  forwardedFor: string | null;
  remoteAddress: string | undefined;
  trustedProxies: TrustedProxies | undefined;
}): string {
  const remote = normalizeAddress(options.remoteAddress ?? "");
  if (!remote) return `unknown:${randomUUID()}`;
  const trust = options.trustedProxies;
  if (!trust) return remote;
  const hops = [
    ...(options.forwardedFor ?? "").split(",").map((entry) => entry.trim()),
    remote,
  ].filter(Boolean);

  let index = hops.length - 1;
  if ("hops" in trust) index = Math.max(0, index - trust.hops);
  else {
    const proxies = trustedBlockList(trust.subnets);
    while (index > 0 && isTrusted(proxies, hops[index]!)) index -= 1;
  }
  // An entry that is no address came from the client, not a proxy: the hop right of it is the
  // nearest one a trusted proxy vouches for.
  for (; index < hops.length; index += 1) {
    const address = normalizeAddress(hops[index]!);
    if (address) return address;
  }
  return remote;
}

function isTrusted(proxies: BlockList, entry: string): boolean {
  const address = normalizeAddress(entry);
  return address !== undefined && proxies.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

const blockLists = new WeakMap<object, BlockList>();

function trustedBlockList(subnets: Extract<TrustedProxies, { subnets: unknown }>["subnets"]) {
  let list = blockLists.get(subnets);
  if (!list) {
    list = new BlockList();
    for (const subnet of subnets) list.addSubnet(subnet.address, subnet.prefix, subnet.family);
    blockLists.set(subnets, list);
  }
  return list;
}

/** An IP address in one spelling (IPv4-mapped IPv6 as IPv4, no port, lower case), or undefined. */
function normalizeAddress(entry: string): string | undefined {
  let address = entry.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = /^::ffff:([\d.]+)$/.exec(address);
  if (mapped && isIP(mapped[1]!) === 4) address = mapped[1]!;
  const version = isIP(address);
  if (version === 0) return undefined;
  // One spelling per IPv6 address, or `::1` and `0:0:0:0:0:0:0:1` would count apart.
  return version === 6 ? new URL(`http://[${address}]`).hostname.slice(1, -1) : address;
}

import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { fromClient } from "@/test/client-address";
import { CLIENT_ADDRESS_HEADER, stampClientAddress } from "./client-address-header";
import { clientIp, resolveClientIp } from "./client-ip";

const trusting = (value: string) =>
  parseConfig({ DATABASE_URL: "postgresql://localhost/x", TRUSTED_PROXIES: value }).trustedProxies;

const resolve = (forwardedFor: string | null, remoteAddress: string, trusted?: string) =>
  resolveClientIp({
    forwardedFor,
    remoteAddress,
    trustedProxies: trusted === undefined ? undefined : trusting(trusted),
  });

describe("resolveClientIp", () => {
  it("uses the socket's address and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(resolve("203.0.113.9", "198.51.100.4")).toBe("198.51.100.4");
    expect(resolve(null, "::ffff:198.51.100.4")).toBe("198.51.100.4");
    expect(trusting("0")).toBeUndefined();
  });

  it("with TRUSTED_PROXIES=1, takes the entry the proxy appended, never the client's first one", () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy (10.0.0.2) appended the real address.
    expect(resolve("1.2.3.4, 203.0.113.9", "10.0.0.2", "1")).toBe("203.0.113.9");
    expect(resolve("203.0.113.9", "10.0.0.2", "1")).toBe("203.0.113.9");
    expect(resolve("1.2.3.4, 203.0.113.9, 10.0.0.3", "10.0.0.2", "2")).toBe("203.0.113.9");
    // A request that skipped the proxy: the socket is the client.
    expect(resolve(null, "203.0.113.50", "1")).toBe("203.0.113.50");
    // Garbage where the client's address should be: the nearest address a proxy vouches for.
    expect(resolve("not-an-address", "10.0.0.2", "1")).toBe("10.0.0.2");
  });

  it("with a CIDR list, walks from the right past the trusted proxies", () => {
    const proxies = "10.0.0.0/8, 2001:db8::/32, 192.0.2.7";
    expect(resolve("1.2.3.4, 203.0.113.9, 10.1.2.3", "10.0.0.5", proxies)).toBe("203.0.113.9");
    expect(resolve("1.2.3.4, 2001:db8::1", "192.0.2.7", proxies)).toBe("1.2.3.4");
    expect(resolve("1.2.3.4, [2001:DB8:0:0::9]:443", "::ffff:10.9.9.9", proxies)).toBe("1.2.3.4");
    expect(resolve("[2001:DB8:0:0::9]:443", "203.0.113.7", "1")).toBe("2001:db8::9");
    // A socket that is no trusted proxy is the client, whatever it forwards.
    expect(resolve("1.2.3.4", "203.0.113.77", proxies)).toBe("203.0.113.77");
    // Every hop trusted: the leftmost one.
    expect(resolve("10.3.3.3", "10.0.0.5", proxies)).toBe("10.3.3.3");
  });

  it("refuses a TRUSTED_PROXIES that is neither hops nor addresses", () => {
    expect(() => trusting("10.0.0.0/40")).toThrow(/TRUSTED_PROXIES/);
    expect(() => trusting("proxy.internal")).toThrow(/TRUSTED_PROXIES/);
  });

  it("gives a request with no known address a bucket of its own, never a shared one", () => {
    const first = resolveClientIp({
      forwardedFor: null,
      remoteAddress: undefined,
      trustedProxies: undefined,
    });
    const second = resolveClientIp({
      forwardedFor: "203.0.113.9",
      remoteAddress: "",
      trustedProxies: trusting("1"),
    });
    expect(first).toMatch(/^unknown:/);
    expect(second).toMatch(/^unknown:/);
    expect(first).not.toBe(second);
  });
});

describe("clientIp (route handlers, actions, pages)", () => {
  it("reads the address server.ts stamped, replacing any copy the client sent", () => {
    const incoming = {
      headers: { [CLIENT_ADDRESS_HEADER]: "1.2.3.4", "x-forwarded-for": "1.2.3.4" },
      socket: { remoteAddress: "198.51.100.4" },
    };
    stampClientAddress(incoming);
    expect(incoming.headers[CLIENT_ADDRESS_HEADER]).toBe("198.51.100.4");
    expect(clientIp(new Headers(fromClient("198.51.100.4")))).toBe("198.51.100.4");
    expect(clientIp(new Headers({ "x-forwarded-for": "1.2.3.4" }))).toMatch(/^unknown:/);
  });
});

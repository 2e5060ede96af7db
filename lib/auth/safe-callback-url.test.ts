import { describe, expect, it } from "vitest";
import {
  hasControlCharacter,
  isCallbackUrlNextAuthAccepts,
  safeCallbackUrl,
} from "./safe-callback-url";

describe("callback URLs", () => {
  it.each(["/account\r\nSet-Cookie: x=1", "/account\n", "\u0000", "/a\u007fb", "/a\tb"])(
    "finds the control character in %j and never goes there",
    (value) => {
      expect(hasControlCharacter(value)).toBe(true);
      expect(safeCallbackUrl(value)).toBe("/account");
    },
  );

  it("keeps an ordinary path on this site", () => {
    expect(hasControlCharacter("/account/purchases/x/receipt?print=1")).toBe(false);
    expect(safeCallbackUrl("/account/purchases/x/receipt?print=1")).toBe(
      "/account/purchases/x/receipt?print=1",
    );
  });

  it.each(["%ZZ", "javascript:alert(1)", "-1", "[]", "\\\\evil.example", "", "/a\r\n"])(
    "refuses %j, on which next-auth would throw, before next-auth sees it",
    (value) => expect(isCallbackUrlNextAuthAccepts(value)).toBe(false),
  );

  it.each(["/account", "/%ZZ", "http://localhost:3100/account", "https://shop.example/x"])(
    "passes %j to next-auth, which resolves or replaces it",
    (value) => expect(isCallbackUrlNextAuthAccepts(value)).toBe(true),
  );
});

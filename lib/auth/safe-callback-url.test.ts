import { describe, expect, it } from "vitest";
import { hasControlCharacter, safeCallbackUrl } from "./safe-callback-url";

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
});

import { describe, expect, it } from "vitest";
import { formatBytes, formatDuration, formatSeats } from "./license-terms";
import { formatMoney, minorUnitDigits } from "./money";

describe("formatMoney", () => {
  it("formats integer minor units per currency", () => {
    expect(formatMoney(299, "usd")).toBe("$2.99");
    expect(formatMoney(1999, "USD")).toBe("$19.99");
    expect(formatMoney(4900, "EUR", "de-DE")).toBe("49,00\u00a0€");
    expect(formatMoney(1500, "JPY")).toBe("¥1,500");
  });

  it("knows currencies without minor units", () => {
    expect(minorUnitDigits("JPY")).toBe(0);
    expect(minorUnitDigits("USD")).toBe(2);
  });
});

describe("license term formatting", () => {
  it("describes durations and seats", () => {
    expect(formatDuration(null)).toBe("Perpetual");
    expect(formatDuration(365)).toBe("1 year");
    expect(formatDuration(730)).toBe("2 years");
    expect(formatDuration(30)).toBe("30 days");
    expect(formatSeats(1)).toBe("1 seat");
    expect(formatSeats(10)).toBe("10 seats");
  });

  it("formats file sizes in SI units", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(12_400_000)).toBe("12.4 MB");
  });
});

import { describe, expect, it } from "vitest";
import type { LicenseStatus } from "@/lib/generated/prisma/enums";
import { customerLicenseState } from "./license-view";

const now = new Date("2027-06-01T00:00:00Z");
const past = new Date("2027-01-01T00:00:00Z");
const future = new Date("2028-01-01T00:00:00Z");

describe("what a customer may do with a license", () => {
  it("downloads only while the license is usable, and resends its email unless it is revoked", () => {
    const licenses: { status: LicenseStatus; expiresAt: Date | null }[] = [
      { status: "ACTIVE", expiresAt: null },
      { status: "ACTIVE", expiresAt: future },
      { status: "ACTIVE", expiresAt: past },
      { status: "SUSPENDED", expiresAt: null },
      { status: "REVOKED", expiresAt: future },
    ];
    expect(licenses.map((license) => customerLicenseState(license, now))).toEqual([
      { code: "VALID", canDownload: true, canResendEmail: true },
      { code: "VALID", canDownload: true, canResendEmail: true },
      { code: "EXPIRED", canDownload: false, canResendEmail: true },
      { code: "SUSPENDED", canDownload: false, canResendEmail: true },
      { code: "REVOKED", canDownload: false, canResendEmail: false },
    ]);
  });
});

import type { LicenseStatus } from "@/lib/generated/prisma/enums";

/** What the database says about a license, enough to answer for it. */
export type LicenseFacts = {
  status: LicenseStatus;
  expiresAt: Date | null;
  seatLimit: number;
  product: string;
  tier: string;
  features: string[];
};

/** What the license API tells software about a license. */
export type LicenseView = {
  status: LicenseStatus;
  product: string;
  tier: string;
  features: string[];
  expiresAt: string | null;
  seats: { used: number; limit: number };
};

export const MESSAGES = {
  VALID: "The license is valid.",
  NOT_FOUND: "No license has this key.",
  REVOKED: "This license has been revoked.",
  SUSPENDED: "This license is suspended.",
  EXPIRED: "This license has expired.",
  FINGERPRINT_NOT_ACTIVATED: "This machine has not been activated for this license.",
  SEAT_LIMIT_REACHED: "Every seat of this license is in use. Deactivate a machine to free one.",
  ACTIVATED: "This machine is now activated.",
  ALREADY_ACTIVATED: "This machine was already activated.",
  DEACTIVATED: "This machine is deactivated and its seat is free.",
} as const;

export type LicenseApiCode = keyof typeof MESSAGES;

export function toLicenseView(license: LicenseFacts, seatsUsed: number): LicenseView {
  return {
    status: license.status,
    product: license.product,
    tier: license.tier,
    features: license.features,
    expiresAt: license.expiresAt?.toISOString() ?? null,
    seats: { used: seatsUsed, limit: license.seatLimit },
  };
}

export const normalizeKey = (key: string) => key.trim().toUpperCase();

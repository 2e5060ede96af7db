import { z } from "zod";

// Printable, no control characters: what a key, a machine id or a label can reasonably be.
const printable = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}\p{Cs}]+$/u, "must not contain control characters");

export const licenseKeySchema = printable(100).describe(
  "The license key, e.g. PXM-7K2QF-0H9ZT-M4WQX-B8N3C-R1VDE",
);
export const fingerprintSchema = printable(200).describe(
  "A stable, unique identifier of the machine",
);

export const validateRequestSchema = z.strictObject({
  key: licenseKeySchema,
  fingerprint: fingerprintSchema.optional(),
});

export const activateRequestSchema = z.strictObject({
  key: licenseKeySchema,
  fingerprint: fingerprintSchema,
  label: printable(100).optional().describe("A name for the machine the customer will recognize"),
  platform: printable(50).optional().describe("e.g. macos, windows, linux"),
});

export const deactivateRequestSchema = z.strictObject({
  key: licenseKeySchema,
  fingerprint: fingerprintSchema,
});

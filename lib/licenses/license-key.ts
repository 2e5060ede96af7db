import { createHash, randomBytes } from "node:crypto";

// Crockford base32: no I, L, O, U, so keys survive being read aloud or typed from paper.
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS = 5;
const GROUP_LENGTH = 5;

/**
 * A new license key: the product prefix and 25 random Crockford base32 characters (125 bits) in
 * groups of five, e.g. `PXM-7K2QF-0H9ZT-M4WQX-B8N3C-R1VDE`. Never derived from any data.
 */
export function generateLicenseKey(prefix: string): string {
  const bytes = randomBytes(GROUPS * GROUP_LENGTH);
  // 256 is a multiple of 32, so `byte % 32` is uniform.
  const chars = Array.from(bytes, (byte) => CROCKFORD[byte % 32]).join("");
  const groups = chars.match(new RegExp(`.{${GROUP_LENGTH}}`, "g"))!;
  return [prefix.toUpperCase(), ...groups].join("-");
}

export function hashLicenseKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

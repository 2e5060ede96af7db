import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { config } from "@/lib/config";
import { decodeEncryptionKey } from "@/lib/config/encryption-key";

// "v1:" + base64url(12-byte IV ‖ 16-byte GCM tag ‖ ciphertext), AES-256-GCM under
// LICENSE_KEY_ENCRYPTION_KEY. The prefix names the format, and tells sealed rows from rows written
// before encryption (see seal-clear-license-secrets.ts).
const VERSION = "v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

function encryptionKey(): Buffer {
  const key = decodeEncryptionKey(config().licenseKeyEncryptionKey);
  if (!key) throw new Error("LICENSE_KEY_ENCRYPTION_KEY is not set to a 32-byte key.");
  return key;
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(VERSION);
}

/** What License.keyCiphertext and License.certificateCiphertext store for a key or certificate. */
export function sealLicenseSecret(plain: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url");
}

/**
 * The key or certificate a stored value holds: the one way anything shows a key to its owner. A
 * row the startup job has not sealed yet still holds clear text, returned as it is.
 */
export function openLicenseSecret(stored: string): string {
  if (!isSealed(stored)) return stored;
  const bytes = Buffer.from(stored.slice(VERSION.length), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), bytes.subarray(0, IV_BYTES));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([
    decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
    decipher.final(),
  ]).toString("utf8");
}

/** A license row with its key and certificate opened, for showing them to their owner. */
export function revealLicense<T extends { keyCiphertext: string; certificateCiphertext: string }>(
  license: T,
): Omit<T, "keyCiphertext" | "certificateCiphertext"> & { key: string; certificate: string } {
  const { keyCiphertext, certificateCiphertext, ...rest } = license;
  return {
    ...rest,
    key: openLicenseSecret(keyCiphertext),
    certificate: openLicenseSecret(certificateCiphertext),
  };
}

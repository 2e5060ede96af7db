/**
 * A 32-byte key written as 64 hex characters or as base64 / base64url; null for anything else.
 * Generate one with `openssl rand -base64 32`.
 */
export function decodeEncryptionKey(value: string): Buffer | null {
  const bytes = /^[0-9a-fA-F]{64}$/.test(value)
    ? Buffer.from(value, "hex")
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(value)
      ? Buffer.from(value, "base64")
      : null;
  return bytes?.length === 32 ? bytes : null;
}

// Keyfront offline license check. Copy this file into your app, or import it: it depends on nothing
// but Web Crypto (Node 20+, Electron, Deno, Bun, modern browsers).
//
// A certificate is `base64url(payload) + "." + base64url(signature)`: the payload is canonical
// JSON, the signature is Ed25519 over the payload bytes, by the store whose public key is served
// at /api/v1/licenses/public-key (use its `raw` or `jwk` form).

export type LicenseCertificatePayload = {
  v: 1;
  key: string;
  product: string;
  tier: string;
  seats: number;
  features: string[];
  issuedAt: string;
  expiresAt: string | null;
};

export type CertificateCheck =
  | { valid: true; payload: LicenseCertificatePayload }
  | {
      valid: false;
      reason: "MALFORMED" | "BAD_SIGNATURE" | "EXPIRED" | "WRONG_KEY";
      payload?: LicenseCertificatePayload;
    };

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("not base64url");
  const base64 =
    text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function isPayload(value: unknown): value is LicenseCertificatePayload {
  const payload = value as LicenseCertificatePayload;
  return (
    typeof payload === "object" &&
    payload !== null &&
    payload.v === 1 &&
    typeof payload.key === "string" &&
    typeof payload.product === "string" &&
    typeof payload.tier === "string" &&
    Number.isInteger(payload.seats) &&
    Array.isArray(payload.features) &&
    typeof payload.issuedAt === "string" &&
    (payload.expiresAt === null || typeof payload.expiresAt === "string")
  );
}

/**
 * Checks a certificate's signature against the store's public key (`raw` base64url or JWK), then
 * its expiry against `now`, and, when `licenseKey` is given, that it belongs to that key.
 */
export async function verifyLicenseCertificate(
  certificate: string,
  publicKey: string | JsonWebKey,
  options: { now?: Date; licenseKey?: string } = {},
): Promise<CertificateCheck> {
  const parts = certificate.trim().split(".");
  if (parts.length !== 2) return { valid: false, reason: "MALFORMED" };
  let payloadBytes: Uint8Array<ArrayBuffer>;
  let signature: Uint8Array<ArrayBuffer>;
  try {
    payloadBytes = fromBase64Url(parts[0]!);
    signature = fromBase64Url(parts[1]!);
  } catch {
    return { valid: false, reason: "MALFORMED" };
  }

  const jwk =
    typeof publicKey === "string" ? { kty: "OKP", crv: "Ed25519", x: publicKey } : publicKey;
  const key = await crypto.subtle.importKey("jwk", jwk, { name: "Ed25519" }, false, ["verify"]);
  if (
    signature.length !== 64 ||
    !(await crypto.subtle.verify({ name: "Ed25519" }, key, signature, payloadBytes))
  ) {
    return { valid: false, reason: "BAD_SIGNATURE" };
  }

  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(payloadBytes));
  } catch {
    return { valid: false, reason: "MALFORMED" };
  }
  if (!isPayload(payload)) return { valid: false, reason: "MALFORMED" };
  if (options.licenseKey !== undefined && options.licenseKey.trim().toUpperCase() !== payload.key) {
    return { valid: false, reason: "WRONG_KEY", payload };
  }
  const now = options.now ?? new Date();
  if (payload.expiresAt !== null && Date.parse(payload.expiresAt) <= now.getTime()) {
    return { valid: false, reason: "EXPIRED", payload };
  }
  return { valid: true, payload };
}

import "server-only";
import { createPrivateKey, createPublicKey, sign, type KeyObject } from "node:crypto";
import { tierSlug } from "@/lib/catalog/tier-kinds";
import { config } from "@/lib/config";
import type { Product, Tier } from "@/lib/generated/prisma/client";

/** What a certificate asserts. Field order is fixed by `canonicalJson`, not by this type. */
export type CertificatePayload = {
  v: 1;
  key: string;
  product: string;
  tier: string;
  seats: number;
  features: string[];
  issuedAt: string;
  expiresAt: string | null;
};

/** JSON with object keys sorted at every level: the exact bytes that are signed. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

let signingKey: KeyObject | undefined;

function privateKey(): KeyObject {
  signingKey ??= createPrivateKey(config().licenseSigningKeyPem);
  if (signingKey.asymmetricKeyType !== "ed25519")
    throw new Error("LICENSE_SIGNING_KEY must be an Ed25519 private key.");
  return signingKey;
}

export function licensePublicKey(): KeyObject {
  return createPublicKey(privateKey());
}

/**
 * A certificate is `base64url(canonical JSON payload) + "." + base64url(Ed25519 signature of
 * those payload bytes)`; software checks it offline with the public key.
 */
export function signCertificate(payload: CertificatePayload): string {
  const bytes = Buffer.from(canonicalJson(payload), "utf8");
  return `${bytes.toString("base64url")}.${sign(null, bytes, privateKey()).toString("base64url")}`;
}

/** The signed certificate of a license's terms: the one place a certificate payload is built. */
export function buildLicenseCertificate(license: {
  key: string;
  product: Pick<Product, "slug">;
  tier: Pick<Tier, "kind" | "features">;
  seatLimit: number;
  issuedAt: Date;
  expiresAt: Date | null;
}): string {
  return signCertificate({
    v: 1,
    key: license.key,
    product: license.product.slug,
    tier: tierSlug(license.tier.kind),
    seats: license.seatLimit,
    features: license.tier.features,
    issuedAt: license.issuedAt.toISOString(),
    expiresAt: license.expiresAt?.toISOString() ?? null,
  });
}

/** The public half of the signing key, in the forms verifiers take. */
export function publicKeyFormats() {
  const key = licensePublicKey();
  const jwk = key.export({ format: "jwk" });
  return {
    algorithm: "Ed25519",
    pem: key.export({ type: "spki", format: "pem" }).toString(),
    jwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x },
    raw: jwk.x,
  };
}

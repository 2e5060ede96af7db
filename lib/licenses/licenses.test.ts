import { verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  licensePublicKey,
  signCertificate,
  type CertificatePayload,
} from "./license-certificate";
import { generateLicenseKey, hashLicenseKey } from "./license-key";

const payload: CertificatePayload = {
  v: 1,
  key: "PXM-7K2QF-0H9ZT-M4WQX-B8N3C-R1VDE",
  product: "pixelmill",
  tier: "commercial",
  seats: 3,
  features: ["Commercial use"],
  issuedAt: "2026-11-23T00:00:00.000Z",
  expiresAt: null,
};

function verifies(certificate: string) {
  const [body, signature] = certificate.split(".");
  return verify(
    null,
    Buffer.from(body!, "base64url"),
    licensePublicKey(),
    Buffer.from(signature!, "base64url"),
  );
}

describe("license keys", () => {
  it("are random Crockford base32 in groups of five behind the product prefix", () => {
    const keys = Array.from({ length: 2000 }, () => generateLicenseKey("pxm"));
    for (const key of keys) expect(key).toMatch(/^PXM(-[0-9A-HJKMNP-TV-Z]{5}){5}$/);
    expect(new Set(keys).size).toBe(keys.length);
    // Every symbol of the alphabet turns up: the keys use all 5 bits per character.
    expect(new Set(keys.join("").replace(/PXM|-/g, "")).size).toBe(32);
  });

  it("are looked up by a sha256 that differs for every key", () => {
    expect(hashLicenseKey(payload.key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashLicenseKey(payload.key)).not.toBe(hashLicenseKey(payload.key.replace(/E$/, "F")));
  });
});

describe("license certificates", () => {
  it("sign the canonical JSON of the payload with Ed25519", () => {
    const certificate = signCertificate(payload);
    const [body] = certificate.split(".");
    expect(Buffer.from(body!, "base64url").toString("utf8")).toBe(canonicalJson(payload));
    expect(canonicalJson(payload)).toBe(
      '{"expiresAt":null,"features":["Commercial use"],"issuedAt":"2026-11-23T00:00:00.000Z","key":"PXM-7K2QF-0H9ZT-M4WQX-B8N3C-R1VDE","product":"pixelmill","seats":3,"tier":"commercial","v":1}',
    );
    expect(licensePublicKey().asymmetricKeyType).toBe("ed25519");
    expect(verifies(certificate)).toBe(true);
  });

  it("fail verification when any byte of the payload or signature changes", () => {
    const certificate = signCertificate(payload);
    const [body, signature] = certificate.split(".") as [string, string];
    const bodyBytes = Buffer.from(body, "base64url");
    const signatureBytes = Buffer.from(signature, "base64url");
    for (let index = 0; index < bodyBytes.length; index += 7) {
      const tampered = Buffer.from(bodyBytes);
      tampered[index] = tampered[index]! ^ 0x01;
      expect(verifies(`${tampered.toString("base64url")}.${signature}`)).toBe(false);
    }
    for (let index = 0; index < signatureBytes.length; index += 5) {
      const tampered = Buffer.from(signatureBytes);
      tampered[index] = tampered[index]! ^ 0x80;
      expect(verifies(`${body}.${tampered.toString("base64url")}`)).toBe(false);
    }
  });
});

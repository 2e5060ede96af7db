import { describe, expect, it } from "vitest";
import {
  publicKeyFormats,
  signCertificate,
  type CertificatePayload,
} from "@/lib/licenses/license-certificate";
import { verifyLicenseCertificate } from "./verify-license-certificate";

const payload: CertificatePayload = {
  v: 1,
  key: "GLYPH-7K2QF-0H9ZT-M4WQX-B8N3C-R1VDE",
  product: "glyphset",
  tier: "personal",
  seats: 1,
  features: ["SVG and PNG"],
  issuedAt: "2026-01-01T00:00:00.000Z",
  expiresAt: "2027-01-01T00:00:00.000Z",
};
const inTime = { now: new Date("2026-06-01T00:00:00Z") };

describe("verifyLicenseCertificate (the offline verifier sellers ship)", () => {
  it("accepts a certificate the store signed, with the raw key or the JWK", async () => {
    const certificate = signCertificate(payload);
    const keys = publicKeyFormats();
    expect(await verifyLicenseCertificate(certificate, keys.raw!, inTime)).toEqual({
      valid: true,
      payload,
    });
    expect(
      await verifyLicenseCertificate(certificate, keys.jwk as JsonWebKey, {
        ...inTime,
        licenseKey: payload.key.toLowerCase(),
      }),
    ).toEqual({
      valid: true,
      payload,
    });
  });

  it("rejects every tampered byte of the payload or the signature", async () => {
    const certificate = signCertificate(payload);
    const raw = publicKeyFormats().raw!;
    const [body, signature] = certificate.split(".") as [string, string];
    const bodyBytes = Buffer.from(body, "base64url");
    for (let index = 0; index < bodyBytes.length; index += 1) {
      const tampered = Buffer.from(bodyBytes);
      tampered[index] = tampered[index]! ^ 0x04;
      const result = await verifyLicenseCertificate(
        `${tampered.toString("base64url")}.${signature}`,
        raw,
        inTime,
      );
      expect(result.valid).toBe(false);
    }
    const signatureBytes = Buffer.from(signature, "base64url");
    for (let index = 0; index < signatureBytes.length; index += 1) {
      const tampered = Buffer.from(signatureBytes);
      tampered[index] = tampered[index]! ^ 0x01;
      expect(
        await verifyLicenseCertificate(`${body}.${tampered.toString("base64url")}`, raw, inTime),
      ).toEqual({
        valid: false,
        reason: "BAD_SIGNATURE",
      });
    }
  });

  it("says EXPIRED after the expiry, WRONG_KEY for another key, and MALFORMED for garbage", async () => {
    const certificate = signCertificate(payload);
    const raw = publicKeyFormats().raw!;
    expect(
      await verifyLicenseCertificate(certificate, raw, { now: new Date("2027-01-01T00:00:00Z") }),
    ).toMatchObject({
      valid: false,
      reason: "EXPIRED",
    });
    expect(
      await verifyLicenseCertificate(certificate, raw, {
        ...inTime,
        licenseKey: "GLYPH-00000-00000-00000-00000-00000",
      }),
    ).toMatchObject({
      valid: false,
      reason: "WRONG_KEY",
    });
    for (const garbage of ["", "abc", "a.b.c", "!!!.???", `${certificate}x`.replace(".", "..")]) {
      expect((await verifyLicenseCertificate(garbage, raw, inTime)).valid).toBe(false);
    }
  });

  it("accepts a perpetual certificate at any time", async () => {
    const perpetual = signCertificate({ ...payload, expiresAt: null });
    expect(
      (
        await verifyLicenseCertificate(perpetual, publicKeyFormats().raw!, {
          now: new Date("2099-01-01"),
        })
      ).valid,
    ).toBe(true);
  });
});

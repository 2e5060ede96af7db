// How a desktop app checks its Keyfront license: online when it can, offline from the signed
// certificate when it cannot. Run: KEYFRONT_URL=http://localhost:3000 LICENSE_KEY=PXM-… npx tsx examples/desktop-app.ts
// The customer saves the certificate file from their account as <APP_STATE_DIR>/license.certificate.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { arch, hostname, platform, userInfo } from "node:os";
import path from "node:path";
import { verifyLicenseCertificate } from "../sdk/verify-license-certificate";

const server = process.env.KEYFRONT_URL ?? "http://localhost:3000";
const licenseKey = process.env.LICENSE_KEY ?? "";
const stateDir = process.env.APP_STATE_DIR ?? path.join(process.cwd(), ".keyfront-example");
const publicKeyFile = path.join(stateDir, "public-key.json");
const certificateFile = path.join(stateDir, "license.certificate");

// Stable per machine and user, and reveals nothing: a hash, not the raw values.
const fingerprint = createHash("sha256")
  .update([hostname(), platform(), arch(), userInfo().username].join("|"))
  .digest("hex");

class Offline extends Error {}

async function call(route: string, body?: unknown) {
  try {
    const response = await fetch(`${server}${route}`, {
      method: body ? "POST" : "GET",
      headers: { "content-type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(5_000),
    });
    // The server is up but cannot answer now (5xx, rate limited): treat like no network.
    if (response.status >= 500 || response.status === 429)
      throw new Offline(`server answered ${response.status}`);
    return {
      status: response.status,
      body: (await response.json()) as {
        code?: string;
        ok?: boolean;
        valid?: boolean;
        raw?: string;
      },
    };
  } catch (error) {
    if (error instanceof Offline) throw error;
    throw new Offline(error instanceof Error ? error.message : String(error));
  }
}

async function checkOnline(): Promise<boolean> {
  const key = await call("/api/v1/licenses/public-key");
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(publicKeyFile, JSON.stringify(key.body));
  const activation = await call("/api/v1/licenses/activate", {
    key: licenseKey,
    fingerprint,
    label: hostname(),
    platform: platform(),
  });
  if (!activation.body.ok) {
    console.log(`online: license not usable: ${activation.body.code}`);
    return false;
  }
  const validation = await call("/api/v1/licenses/validate", { key: licenseKey, fingerprint });
  console.log(
    validation.body.valid
      ? "online: license valid"
      : `online: license not valid: ${validation.body.code}`,
  );
  return validation.body.valid === true;
}

async function checkOffline(): Promise<boolean> {
  if (!existsSync(certificateFile) || !existsSync(publicKeyFile)) {
    console.log("offline: no certificate or public key saved yet; connect once to activate");
    return false;
  }
  const { raw } = JSON.parse(readFileSync(publicKeyFile, "utf8")) as { raw: string };
  const result = await verifyLicenseCertificate(readFileSync(certificateFile, "utf8"), raw, {
    licenseKey,
  });
  console.log(
    result.valid
      ? `offline: certificate valid for ${result.payload.product} (${result.payload.tier})`
      : `offline: certificate rejected: ${result.reason}`,
  );
  return result.valid;
}

let licensed: boolean;
try {
  licensed = await checkOnline();
} catch (error) {
  if (!(error instanceof Offline)) throw error;
  console.log(`no connection to ${server} (${error.message}); checking the certificate`);
  licensed = await checkOffline();
}
process.exit(licensed ? 0 : 1);

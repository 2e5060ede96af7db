import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

type LocalSecrets = { authSecret: string; licenseSigningKeyPem: string };

function create(): LocalSecrets {
  const { privateKey } = generateKeyPairSync("ed25519");
  return {
    authSecret: randomBytes(32).toString("base64url"),
    licenseSigningKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}

/**
 * Secrets for local use, generated once into the data directory so that sessions and signed
 * certificates survive restarts. Several processes may start at once: the first writer wins
 * (exclusive create) and everyone reads the file it wrote.
 */
export function loadLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "local-secrets.json");
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, JSON.stringify(create(), null, 2), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return JSON.parse(readFileSync(file, "utf8")) as LocalSecrets;
}

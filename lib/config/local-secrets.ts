import { generateKeyPairSync, hkdfSync, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

type LocalSecrets = {
  authSecret: string;
  licenseSigningKeyPem: string;
  licenseKeyEncryptionKey: string;
};

function create(): LocalSecrets {
  const { privateKey } = generateKeyPairSync("ed25519");
  return {
    authSecret: randomBytes(32).toString("base64url"),
    licenseSigningKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    licenseKeyEncryptionKey: randomBytes(32).toString("base64"),
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
  const stored = JSON.parse(readFileSync(file, "utf8")) as Omit<
    LocalSecrets,
    "licenseKeyEncryptionKey"
  > &
    Partial<LocalSecrets>;
  // A file written before license keys were encrypted has no key for them. Rewriting the file
  // would race other processes starting at once (each with a key of its own): derive it from the
  // file's auth secret instead, the same in every process.
  return {
    ...stored,
    licenseKeyEncryptionKey:
      stored.licenseKeyEncryptionKey ??
      Buffer.from(
        hkdfSync("sha256", stored.authSecret, "", "keyfront license key encryption", 32),
      ).toString("base64"),
  };
}

-- Secrets at rest (issue 12, point 10).

-- Sessions are looked up by sha256(cookie token), hex (lib/auth/hashed-session-adapter.ts): hash
-- the tokens already stored so the sessions open today keep working.
UPDATE "Session" SET "sessionToken" = encode(sha256(convert_to("sessionToken", 'UTF8')), 'hex');

-- License keys and certificates are stored encrypted ("v1:…", lib/licenses/license-secrets.ts).
-- SQL cannot encrypt under the app's key: the rows renamed here still hold clear text, without the
-- "v1:" prefix, until the app seals them when it starts (lib/licenses/seal-clear-license-secrets.ts).
DROP INDEX "License_key_key";
ALTER TABLE "License" RENAME COLUMN "key" TO "keyCiphertext";
ALTER TABLE "License" RENAME COLUMN "certificate" TO "certificateCiphertext";

-- Emails a provider accepted or gave up on keep no secret (lib/email/redact-email.ts, same
-- patterns); emails captured locally without a provider stay whole, as the outbox is where a
-- local user reads them.
UPDATE "EmailMessage"
SET html = '(This sign-in link was removed from the log once sent.)',
    text = '(This sign-in link was removed from the log once sent.)'
WHERE template = 'sign-in-link'
  AND (status = 'FAILED' OR (status = 'SENT' AND "providerMessageId" NOT LIKE 'captured:%'));

UPDATE "EmailMessage"
SET html = regexp_replace(
      regexp_replace(html, 'https?://[^[:space:]"''<>]*/api/(downloads|auth/callback)/[^[:space:]"''<>]*', '(link removed once sent)', 'g'),
      '[A-Z0-9]+(-[0-9A-HJKMNP-TV-Z]{5}){5}', '(license key removed once sent)', 'g'),
    text = regexp_replace(
      regexp_replace(text, 'https?://[^[:space:]"''<>]*/api/(downloads|auth/callback)/[^[:space:]"''<>]*', '(link removed once sent)', 'g'),
      '[A-Z0-9]+(-[0-9A-HJKMNP-TV-Z]{5}){5}', '(license key removed once sent)', 'g')
WHERE template <> 'sign-in-link'
  AND (status = 'FAILED' OR (status = 'SENT' AND "providerMessageId" NOT LIKE 'captured:%'));

import "server-only";

// Once a provider has an email (or has given up on it) the outbox keeps what was sent minus its
// secrets. The migration that redacted the emails stored before this
// (prisma/migrations/20261125110000_secrets_at_rest) uses the same patterns.
export const REDACTED_SIGN_IN_LINK = "(This sign-in link was removed from the log once sent.)";
const REMOVED_LINK = "(link removed once sent)";
const REMOVED_KEY = "(license key removed once sent)";
const LICENSE_KEY = /[A-Z0-9]+(?:-[0-9A-HJKMNP-TV-Z]{5}){5}/g;
// Download links and sign-in links are bearer URLs: whoever has one can use it.
const BEARER_LINK = /https?:\/\/[^\s"'<>]*\/api\/(?:downloads|auth\/callback)\/[^\s"'<>]*/g;

/** The stored body of an email once its delivery is over: no key, no link that grants access. */
export function redactEmail(email: { template: string; html: string; text: string }) {
  // A sign-in email is nothing but its link.
  if (email.template === "sign-in-link")
    return { html: REDACTED_SIGN_IN_LINK, text: REDACTED_SIGN_IN_LINK };
  const redact = (body: string) =>
    body.replace(BEARER_LINK, REMOVED_LINK).replace(LICENSE_KEY, REMOVED_KEY);
  return { html: redact(email.html), text: redact(email.text) };
}

/** Whether redactEmail took something out: such an email cannot be sent again as it is stored. */
export function lostSecrets(email: { text: string }) {
  return [REDACTED_SIGN_IN_LINK, REMOVED_LINK, REMOVED_KEY].some((mark) =>
    email.text.includes(mark),
  );
}

"use server";

import { createActionClient, viewerContext } from "@/app/_actions/action-client";
import { grantLicense } from "@/lib/admin/grant-license";
import { resetActivations } from "@/lib/admin/reset-activations";
import {
  emailIdSchema,
  grantLicenseSchema,
  licenseIdSchema,
  licenseStatusChangeSchema,
  licenseTermsSchema,
  webhookEventIdSchema,
} from "@/lib/admin/schemas";
import { requireAdmin } from "@/lib/auth/session";
import { retryEmail } from "@/lib/email/retry-email";
import { changeLicenseStatus } from "@/lib/licenses/change-license-status";
import { sendLicenseEmailAgain } from "@/lib/licenses/send-license-email-again";
import { updateLicenseTerms } from "@/lib/licenses/update-license-terms";
import { replayWebhookEvent } from "@/lib/webhooks/replay-webhook-event";

const adminAction = createActionClient({
  authorize: async () => viewerContext(await requireAdmin(), "ADMIN"),
  revalidate: ["/admin", "layout"],
});

const done = (message: string) => ({ message });

export const changeLicenseStatusAction = adminAction(
  licenseStatusChangeSchema,
  async (input, { actor }) => {
    await changeLicenseStatus({ ...input, actor });
    return done(
      {
        revoke: "License revoked.",
        suspend: "License suspended.",
        reinstate: "License reinstated.",
      }[input.change],
    );
  },
);

export const updateLicenseTermsAction = adminAction(
  licenseTermsSchema,
  async (input, { actor }) => {
    await updateLicenseTerms({ ...input, actor });
    return done("Terms saved; the certificate was signed again.");
  },
);

export const resetActivationsAction = adminAction(
  licenseIdSchema,
  async ({ licenseId }, { actor }) => {
    await resetActivations({ licenseId, actor });
    return done("Every seat is free.");
  },
);

export const sendLicenseEmailAction = adminAction(
  licenseIdSchema,
  async ({ licenseId }, { actor }) => {
    await sendLicenseEmailAgain({ licenseId, actor });
    return done("License email queued.");
  },
);

export const grantLicenseAction = adminAction(grantLicenseSchema, async (input, { actor }) => {
  const { license } = await grantLicense({ ...input, actor });
  return done(`Granted ${license.key} to ${input.email}.`);
});

export const replayWebhookEventAction = adminAction(
  webhookEventIdSchema,
  async ({ webhookEventId }, { actor }) => {
    const result = await replayWebhookEvent({ webhookEventId, actor });
    return done(
      result.outcome === "failed"
        ? `Replayed: failed again (${result.error}).`
        : `Replayed: ${result.outcome}.`,
    );
  },
);

export const retryEmailAction = adminAction(emailIdSchema, async ({ emailId }, { actor }) => {
  await retryEmail({ emailId, actor });
  return done("Email queued again.");
});

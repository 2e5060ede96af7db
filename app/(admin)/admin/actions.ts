"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { ActionState } from "@/components/ui/action-state";
import { changeLicenseStatus } from "@/lib/admin/change-license-status";
import { grantLicense } from "@/lib/admin/grant-license";
import { replayWebhookEvent, retryEmail } from "@/lib/admin/operations";
import { resetActivations } from "@/lib/admin/reset-activations";
import {
  emailIdSchema,
  grantLicenseSchema,
  licenseIdSchema,
  licenseStatusChangeSchema,
  licenseTermsSchema,
  webhookEventIdSchema,
} from "@/lib/admin/schemas";
import { sendLicenseEmailAsAdmin } from "@/lib/admin/send-license-email";
import { updateLicenseTerms } from "@/lib/admin/update-license-terms";
import { requireAdmin, type Viewer } from "@/lib/auth/session";
import { kickEmailDelivery } from "@/lib/email/email-worker";
import { AppError } from "@/lib/errors/app-error";

// Server actions are public endpoints: each one checks the admin role itself.
function adminAction<S extends z.ZodType>(
  schema: S,
  run: (input: z.infer<S>, viewer: Viewer) => Promise<string>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const viewer = await requireAdmin();
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success)
      return { ok: false, message: parsed.error.issues[0]?.message ?? "Invalid input." };
    try {
      const message = await run(parsed.data, viewer);
      revalidatePath("/admin", "layout");
      return { ok: true, message };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, message: error.message };
      throw error;
    }
  };
}

const actor = (viewer: Viewer) => ({
  type: "ADMIN" as const,
  id: viewer.userId,
  label: viewer.email,
});

export const changeLicenseStatusAction = adminAction(
  licenseStatusChangeSchema,
  async (input, viewer) => {
    await changeLicenseStatus({ ...input, actor: actor(viewer) });
    return {
      revoke: "License revoked.",
      suspend: "License suspended.",
      reinstate: "License reinstated.",
    }[input.change];
  },
);

export const updateLicenseTermsAction = adminAction(licenseTermsSchema, async (input, viewer) => {
  await updateLicenseTerms({ ...input, actor: actor(viewer) });
  return "Terms saved; the certificate was signed again.";
});

export const resetActivationsAction = adminAction(
  licenseIdSchema,
  async ({ licenseId }, viewer) => {
    await resetActivations({ licenseId, actor: actor(viewer) });
    return "Every seat is free.";
  },
);

export const sendLicenseEmailAction = adminAction(
  licenseIdSchema,
  async ({ licenseId }, viewer) => {
    await sendLicenseEmailAsAdmin({ licenseId, actor: actor(viewer) });
    void kickEmailDelivery();
    return "License email queued.";
  },
);

export const grantLicenseAction = adminAction(grantLicenseSchema, async (input, viewer) => {
  const { license } = await grantLicense({ ...input, actor: actor(viewer) });
  void kickEmailDelivery();
  return `Granted ${license.key} to ${input.email}.`;
});

export const replayWebhookEventAction = adminAction(
  webhookEventIdSchema,
  async ({ webhookEventId }, viewer) => {
    const result = await replayWebhookEvent({ webhookEventId, actor: actor(viewer) });
    return result.outcome === "failed"
      ? `Replayed: failed again (${result.error}).`
      : `Replayed: ${result.outcome}.`;
  },
);

export const retryEmailAction = adminAction(emailIdSchema, async ({ emailId }, viewer) => {
  await retryEmail({ emailId, actor: actor(viewer) });
  return "Email queued again.";
});

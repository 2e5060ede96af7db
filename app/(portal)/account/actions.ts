"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { ActionState } from "@/components/ui/action-state";
import { requireCustomer, type Viewer } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { issueDownloadToken } from "@/lib/downloads/issue-download-token";
import { revokeDownloadToken } from "@/lib/downloads/revoke-download-token";
import { kickEmailDelivery } from "@/lib/email/email-worker";
import { AppError } from "@/lib/errors/app-error";
import { deactivateDevice } from "@/lib/portal/deactivate-device";
import { resendLicenseEmail } from "@/lib/portal/resend-license-email";
import {
  deviceActionSchema,
  downloadLinkSchema,
  downloadTokenActionSchema,
  licenseActionSchema,
} from "@/lib/portal/schemas";

// Server actions are public POST endpoints: each checks the session itself and acts only on what
// the signed-in customer owns (the domain functions scope every query to their email).
function portalAction<S extends z.ZodType>(
  schema: S,
  run: (input: z.infer<S>, viewer: Viewer) => Promise<ActionState>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const viewer = await requireCustomer();
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success)
      return { ok: false, message: "That request was not understood. Please reload the page." };
    try {
      const state = await run(parsed.data, viewer);
      revalidatePath("/account");
      return state;
    } catch (error) {
      if (error instanceof AppError) return { ok: false, message: error.message };
      throw error;
    }
  };
}

const actor = (viewer: Viewer) => ({
  type: "CUSTOMER" as const,
  id: viewer.userId,
  label: viewer.email,
});

export const resendLicenseEmailAction = portalAction(
  licenseActionSchema,
  async ({ licenseId }, viewer) => {
    await resendLicenseEmail({ email: viewer.email, licenseId, actor: actor(viewer) });
    void kickEmailDelivery();
    return { ok: true, message: `Sent to ${viewer.email}.` };
  },
);

export const getDownloadLinkAction = portalAction(
  downloadLinkSchema,
  async ({ licenseId, assetId }, viewer) => {
    const link = await issueDownloadToken({
      email: viewer.email,
      licenseId,
      assetId,
      actor: actor(viewer),
    });
    return {
      ok: true,
      download: {
        url: `${config().appUrl}/api/downloads/${link.token}`,
        fileName: link.fileName,
        expiresAt: link.expiresAt.toISOString(),
      },
    };
  },
);

export const revokeDownloadLinkAction = portalAction(
  downloadTokenActionSchema,
  async ({ downloadTokenId }, viewer) => {
    await revokeDownloadToken({ email: viewer.email, downloadTokenId, actor: actor(viewer) });
    return { ok: true, message: "Link revoked." };
  },
);

export const deactivateDeviceAction = portalAction(
  deviceActionSchema,
  async ({ activationId }, viewer) => {
    await deactivateDevice({ email: viewer.email, activationId, actor: actor(viewer) });
    return { ok: true, message: "Device deactivated; its seat is free." };
  },
);

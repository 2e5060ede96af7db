"use server";

import { formActions } from "@/app/_actions/form-action";
import { requireCustomer } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { issueDownloadToken } from "@/lib/downloads/issue-download-token";
import { revokeDownloadToken } from "@/lib/downloads/revoke-download-token";
import { deactivateDevice } from "@/lib/portal/deactivate-device";
import { resendLicenseEmail } from "@/lib/portal/resend-license-email";
import {
  deviceActionSchema,
  downloadLinkSchema,
  downloadTokenActionSchema,
  licenseActionSchema,
} from "@/lib/portal/schemas";

// Each action acts only on what the signed-in customer owns: the domain functions scope every
// query to their email.
const portalAction = formActions({
  authorize: () => requireCustomer(),
  actorType: "CUSTOMER",
  revalidate: ["/account"],
  invalidInputMessage: "That request was not understood. Please reload the page.",
});

export const resendLicenseEmailAction = portalAction(
  licenseActionSchema,
  async ({ licenseId }, { viewer, actor }) => {
    await resendLicenseEmail({ email: viewer.email, licenseId, actor });
    return { ok: true, message: `Sent to ${viewer.email}.` };
  },
);

export const getDownloadLinkAction = portalAction(
  downloadLinkSchema,
  async ({ licenseId, assetId }, { viewer, actor }) => {
    const link = await issueDownloadToken({
      email: viewer.email,
      licenseId,
      assetId,
      actor,
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
  async ({ downloadTokenId }, { viewer, actor }) => {
    await revokeDownloadToken({ email: viewer.email, downloadTokenId, actor });
    return { ok: true, message: "Link revoked." };
  },
);

export const deactivateDeviceAction = portalAction(
  deviceActionSchema,
  async ({ activationId }, { viewer, actor }) => {
    await deactivateDevice({ email: viewer.email, activationId, actor });
    return { ok: true, message: "Device deactivated; its seat is free." };
  },
);

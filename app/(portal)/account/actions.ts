"use server";

import { createActionClient, viewerContext } from "@/app/_actions/action-client";
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
const portalAction = createActionClient({
  authorize: async () => viewerContext(await requireCustomer(), "CUSTOMER"),
  revalidate: ["/account"],
  invalidInputMessage: "That request was not understood. Please reload the page.",
});

export const resendLicenseEmailAction = portalAction(
  licenseActionSchema,
  async ({ licenseId }, { viewer, actor }) => {
    await resendLicenseEmail({ email: viewer.email, licenseId, actor });
    return { message: `Sent to ${viewer.email}.` };
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
    return { message: "Link revoked." };
  },
);

export const deactivateDeviceAction = portalAction(
  deviceActionSchema,
  async ({ activationId }, { viewer, actor }) => {
    await deactivateDevice({ email: viewer.email, activationId, actor });
    return { message: "Device deactivated; its seat is free." };
  },
);

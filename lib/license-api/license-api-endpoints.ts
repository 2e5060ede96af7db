import "server-only";
import { licenseApiEndpoint } from "./license-api-endpoint";
import { activateLicense } from "@/lib/licenses/activate-license";
import {
  activateRequestSchema,
  deactivateRequestSchema,
  validateRequestSchema,
} from "./api-schemas";
import { deactivateLicense } from "@/lib/licenses/deactivate-license";
import { activationResponse, validationResponse } from "./license-api-responses";
import { validateLicense } from "@/lib/licenses/validate-license";

/** The license API's endpoints, served by the route handlers and by server.ts alike. */
export const validateEndpoint = licenseApiEndpoint(validateRequestSchema, async (input) =>
  validationResponse(await validateLicense(input)),
);

export const activateEndpoint = licenseApiEndpoint(activateRequestSchema, async (input, { ip }) =>
  activationResponse(
    await activateLicense({ ...input, actor: { type: "API", label: `license API from ${ip}` } }),
  ),
);

export const deactivateEndpoint = licenseApiEndpoint(
  deactivateRequestSchema,
  async (input, { ip }) =>
    activationResponse(
      await deactivateLicense({
        ...input,
        actor: { type: "API", label: `license API from ${ip}` },
      }),
    ),
);

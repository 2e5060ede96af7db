import "server-only";
import type { ActivationResult } from "@/lib/licenses/activate-license";
import { MESSAGES, type LicenseApiCode } from "@/lib/licenses/license-view";
import type { ValidationResult } from "@/lib/licenses/validate-license";

const STATUS: Record<LicenseApiCode, number> = {
  VALID: 200,
  FINGERPRINT_NOT_ACTIVATED: 200,
  NOT_FOUND: 404,
  REVOKED: 403,
  SUSPENDED: 403,
  EXPIRED: 403,
  SEAT_LIMIT_REACHED: 409,
  ACTIVATED: 201,
  ALREADY_ACTIVATED: 200,
  DEACTIVATED: 200,
};

/** A known key always answers 200 on validate, whatever its status: `valid` and `code` say why. */
export function validationResponse(result: ValidationResult) {
  return {
    status: result.code === "NOT_FOUND" ? 404 : 200,
    body: {
      valid: result.valid,
      code: result.code,
      message: MESSAGES[result.code],
      license: result.license,
    },
  };
}

export function activationResponse(result: ActivationResult) {
  const activation = result.activation && {
    id: result.activation.id,
    fingerprint: result.activation.fingerprint,
    label: result.activation.label,
    platform: result.activation.platform,
    firstSeenAt: result.activation.firstSeenAt.toISOString(),
    lastSeenAt: result.activation.lastSeenAt.toISOString(),
  };
  return {
    status: result.code === "FINGERPRINT_NOT_ACTIVATED" ? 404 : STATUS[result.code],
    body: {
      ok:
        result.code === "ACTIVATED" ||
        result.code === "ALREADY_ACTIVATED" ||
        result.code === "DEACTIVATED",
      code: result.code,
      message: MESSAGES[result.code],
      activation,
      license: result.license,
    },
  };
}

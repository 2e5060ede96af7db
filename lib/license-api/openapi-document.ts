import { z } from "zod";
import { TIER_SLUGS } from "@/lib/catalog/tier-kinds";
import { LicenseStatus } from "@/lib/generated/prisma/enums";
import {
  activateRequestSchema,
  deactivateRequestSchema,
  validateRequestSchema,
} from "./api-schemas";
import { MESSAGES } from "@/lib/licenses/license-view";

const requestBody = (schema: z.ZodType, example: Record<string, string>) => ({
  required: true,
  content: {
    "application/json": {
      schema: z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" }),
      example,
    },
  },
});

const json = (description: string, schema: object) => ({
  description,
  content: { "application/json": { schema } },
});

const codes = Object.keys(MESSAGES);

const schemas = {
  License: {
    type: ["object", "null"],
    required: ["status", "product", "tier", "features", "expiresAt", "seats"],
    properties: {
      status: { type: "string", enum: Object.values(LicenseStatus) },
      product: { type: "string", description: "Product slug" },
      tier: { type: "string", enum: TIER_SLUGS },
      features: { type: "array", items: { type: "string" } },
      expiresAt: { type: ["string", "null"], format: "date-time", description: "null: perpetual" },
      seats: {
        type: "object",
        required: ["used", "limit"],
        properties: { used: { type: "integer" }, limit: { type: "integer" } },
      },
    },
  },
  Validation: {
    type: "object",
    required: ["valid", "code", "message", "license"],
    properties: {
      valid: { type: "boolean" },
      code: {
        type: "string",
        enum: [
          "VALID",
          "NOT_FOUND",
          "REVOKED",
          "SUSPENDED",
          "EXPIRED",
          "FINGERPRINT_NOT_ACTIVATED",
        ],
      },
      message: { type: "string" },
      license: { $ref: "#/components/schemas/License" },
    },
  },
  Activation: {
    type: "object",
    required: ["ok", "code", "message", "activation", "license"],
    properties: {
      ok: { type: "boolean" },
      code: { type: "string", enum: codes },
      message: { type: "string" },
      activation: {
        type: ["object", "null"],
        required: ["id", "fingerprint", "label", "platform", "firstSeenAt", "lastSeenAt"],
        properties: {
          id: { type: "string" },
          fingerprint: { type: "string" },
          label: { type: ["string", "null"] },
          platform: { type: ["string", "null"] },
          firstSeenAt: { type: "string", format: "date-time" },
          lastSeenAt: { type: "string", format: "date-time" },
        },
      },
      license: { $ref: "#/components/schemas/License" },
    },
  },
  Error: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        properties: {
          code: {
            type: "string",
            enum: ["INVALID_JSON", "VALIDATION_FAILED", "PAYLOAD_TOO_LARGE", "RATE_LIMITED"],
          },
          message: { type: "string" },
        },
      },
    },
  },
  PublicKey: {
    type: "object",
    required: ["algorithm", "pem", "jwk", "raw"],
    properties: {
      algorithm: { type: "string", enum: ["Ed25519"] },
      pem: { type: "string", description: "SPKI PEM" },
      jwk: {
        type: "object",
        required: ["kty", "crv", "x"],
        properties: {
          kty: { type: "string", enum: ["OKP"] },
          crv: { type: "string", enum: ["Ed25519"] },
          x: { type: "string" },
        },
      },
      raw: { type: "string", description: "The 32-byte public key, base64url" },
    },
  },
};

const ref = (name: keyof typeof schemas) => ({ $ref: `#/components/schemas/${name}` });

const inputErrors = {
  "400": json("The body is not JSON (INVALID_JSON).", ref("Error")),
  "413": json("The body is larger than 16 KB (PAYLOAD_TOO_LARGE).", ref("Error")),
  "422": json(
    "The body does not match the schema, or has unknown fields (VALIDATION_FAILED).",
    ref("Error"),
  ),
  "429": {
    ...json("Too many requests from this address or for this key (RATE_LIMITED).", ref("Error")),
    headers: {
      "Retry-After": {
        schema: { type: "integer" },
        description: "Seconds until the next request is allowed",
      },
    },
  },
};

const EXAMPLE_KEY = "PXM-7K2QF-0H9ZT-M4WQX-B8N3C-R1VDE";

/** The license API as the code implements it; `e2e/license-api.api.spec.ts` checks each route against it. */
export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Keyfront license API",
    version: "1.0.0",
    description:
      "Check license keys and manage device seats from your software. Any origin may call it (CORS), " +
      "without credentials. Certificates can also be verified offline: see the README.",
  },
  servers: [{ url: "/" }],
  paths: {
    "/api/v1/licenses/validate": {
      post: {
        operationId: "validateLicense",
        summary: "Check a key, and optionally that this machine holds a seat",
        description:
          "Counts the validation. A known key always answers 200 with its status in `code`.",
        requestBody: requestBody(validateRequestSchema, {
          key: EXAMPLE_KEY,
          fingerprint: "machine-7f3a",
        }),
        responses: {
          "200": json(
            "The license exists; `valid` and `code` say whether it may be used.",
            ref("Validation"),
          ),
          "404": json("No license has this key (NOT_FOUND).", ref("Validation")),
          ...inputErrors,
        },
      },
    },
    "/api/v1/licenses/activate": {
      post: {
        operationId: "activateLicense",
        summary: "Claim a seat for a machine",
        description:
          "Idempotent per fingerprint: activating the same machine again answers 200 with the same activation.",
        requestBody: requestBody(activateRequestSchema, {
          key: EXAMPLE_KEY,
          fingerprint: "machine-7f3a",
          label: "Studio iMac",
          platform: "macos",
        }),
        responses: {
          "201": json("A seat was claimed (ACTIVATED).", ref("Activation")),
          "200": json("This machine already held a seat (ALREADY_ACTIVATED).", ref("Activation")),
          "403": json("The license is REVOKED, SUSPENDED or EXPIRED.", ref("Activation")),
          "404": json("No license has this key (NOT_FOUND).", ref("Activation")),
          "409": json("Every seat is in use (SEAT_LIMIT_REACHED).", ref("Activation")),
          ...inputErrors,
        },
      },
    },
    "/api/v1/licenses/deactivate": {
      post: {
        operationId: "deactivateLicense",
        summary: "Free the seat a machine holds",
        requestBody: requestBody(deactivateRequestSchema, {
          key: EXAMPLE_KEY,
          fingerprint: "machine-7f3a",
        }),
        responses: {
          "200": json("The seat is free (DEACTIVATED).", ref("Activation")),
          "404": json(
            "No license has this key (NOT_FOUND), or this machine holds no seat (FINGERPRINT_NOT_ACTIVATED).",
            ref("Activation"),
          ),
          ...inputErrors,
        },
      },
    },
    "/api/v1/licenses/public-key": {
      get: {
        operationId: "getPublicKey",
        summary: "The Ed25519 public key that signs license certificates",
        responses: { "200": json("The key as PEM, JWK and raw base64url.", ref("PublicKey")) },
      },
    },
    "/api/v1/openapi.json": {
      get: {
        operationId: "getOpenApi",
        summary: "This document",
        responses: {
          "200": {
            description: "OpenAPI 3.1",
            content: { "application/json": { schema: { type: "object" } } },
          },
        },
      },
    },
  },
  components: { schemas },
};

export const ERROR_STATUS = {
  VALIDATION_FAILED: 422,
  NOT_FOUND: 404,
  TIER_NOT_AVAILABLE: 409,
  PAYMENTS_NOT_CONFIGURED: 503,
  PAYMENT_PROVIDER_ERROR: 502,
  INVALID_SIGNATURE: 400,
  PAYLOAD_TOO_LARGE: 413,
  INVALID_JSON: 400,
  REQUEST_INCOMPLETE: 400,
  RATE_LIMITED: 429,
  UNSUPPORTED_MEDIA_TYPE: 415,
  LICENSE_NOT_USABLE: 403,
  DOWNLOAD_EXPIRED: 410,
  DOWNLOAD_USED_UP: 410,
  DOWNLOAD_REVOKED: 403,
  CHECKOUT_SESSION_NOT_FOUND: 404,
  UNKNOWN_TIER: 422,
  AMOUNT_MISMATCH: 422,
  UNSUPPORTED_CHECKOUT: 422,
  PAYMENT_NOT_FOUND: 422,
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;

/** The one error domain code throws: a stable code for clients and a message for people. */
export class AppError extends Error {
  override name = "AppError";
  readonly code: AppErrorCode;

  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toJSON() {
    return { code: this.code, message: this.message };
  }
}

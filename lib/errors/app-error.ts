export const ERROR_STATUS = {
  VALIDATION_FAILED: 422,
  NOT_FOUND: 404,
  TIER_NOT_AVAILABLE: 409,
  PAYMENTS_NOT_CONFIGURED: 503,
  PAYMENT_PROVIDER_ERROR: 502,
  INVALID_SIGNATURE: 400,
  INVALID_WEBHOOK_EVENT: 400,
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
  SERVICE_UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;

type ServerFaultCode = {
  [Code in AppErrorCode]: (typeof ERROR_STATUS)[Code] extends 500 | 502 | 503 ? Code : never;
}[AppErrorCode];

/**
 * What people are told when the fault is on our side (a 5xx). The detailed message of such an
 * error names configuration and provider answers: it is for the log, never for the person asking.
 */
const SERVER_FAULT_USER_MESSAGE: Record<ServerFaultCode, string> = {
  PAYMENTS_NOT_CONFIGURED: "Payments are not available right now. Please try again later.",
  PAYMENT_PROVIDER_ERROR:
    "We could not reach our payment provider. Nothing was charged; please try again.",
  SERVICE_UNAVAILABLE: "The service is briefly unavailable. Please try again shortly.",
};

function isServerFault(code: AppErrorCode): code is ServerFaultCode {
  return code in SERVER_FAULT_USER_MESSAGE;
}

/**
 * The one error domain code throws: a stable code for clients, `message` for the log (it may name
 * ids, amounts and provider answers) and `userMessage` for the person who asked. A refusal of the
 * caller's own request (4xx) is usually worded for people already, so its user message defaults to
 * the message; a fault on our side (5xx) defaults to a fixed message per code.
 */
export class AppError extends Error {
  override name = "AppError";
  readonly code: AppErrorCode;
  readonly userMessage: string;

  constructor(
    code: AppErrorCode,
    message: string,
    options?: { userMessage?: string; cause?: unknown },
  ) {
    super(message, options);
    this.code = code;
    this.userMessage =
      options?.userMessage ?? (isServerFault(code) ? SERVER_FAULT_USER_MESSAGE[code] : message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** The error as anyone outside the server may see it: never the detailed message. */
  toJSON(): { code: AppErrorCode; message: string } {
    return { code: this.code, message: this.userMessage };
  }
}

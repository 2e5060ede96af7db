import type { AppError } from "./app-error";

/** Logs the detail of an error whose person-facing answer left it out; a plain refusal needs no log. */
export function logAppError(error: AppError): void {
  if (error.userMessage === error.message) return;
  console.error(
    `${error.code}: ${error.message}`,
    ...(error.cause === undefined ? [] : [error.cause]),
  );
}

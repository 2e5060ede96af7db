import { z } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { AppError } from "./app-error";
import { logAppError } from "./log-app-error";

export type ErrorAnswer = {
  status: number;
  body: { error: { code: string; message: string } };
  headers?: Record<string, string>;
};

// Long enough for a database failover or restart to finish, short enough to notice it has.
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The one mapping from errors to HTTP answers: `{ error: { code, message } }` with the message meant
 * for people, never a stack; the detailed message goes to the log.
 */
export function errorAnswer(error: unknown): ErrorAnswer {
  if (error instanceof AppError) {
    logAppError(error);
    return { status: error.status, body: { error: error.toJSON() } };
  }
  // The database being unreachable is our fault and passes: 503 and when to ask again, never 500.
  if (isDatabaseUnavailable(error)) {
    const unavailable = new AppError("SERVICE_UNAVAILABLE", "The database is unreachable.", {
      cause: error,
    });
    logAppError(unavailable);
    return {
      status: unavailable.status,
      body: { error: unavailable.toJSON() },
      headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) },
    };
  }
  if (error instanceof z.ZodError) {
    // The first problem, named by its field: enough for a developer to fix the request.
    const issue = error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
    return {
      status: 422,
      body: { error: { code: "VALIDATION_FAILED", message: `${where}${issue.message}` } },
    };
  }
  console.error(error);
  return {
    status: 500,
    body: {
      error: {
        code: "INTERNAL_ERROR",
        message: "Something went wrong on our side. Please try again.",
      },
    },
  };
}

export function errorResponse(error: unknown, init: ResponseInit = {}): Response {
  const { status, body, headers } = errorAnswer(error);
  const merged = new Headers(headers);
  new Headers(init.headers).forEach((value, name) => merged.set(name, value));
  return Response.json(body, { ...init, status, headers: merged });
}

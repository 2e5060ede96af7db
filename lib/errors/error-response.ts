import { z } from "zod";
import { AppError } from "./app-error";

/** The one mapping from errors to HTTP answers: `{ error: { code, message } }`, never a stack. */
export function errorResponse(error: unknown, init: ResponseInit = {}): Response {
  if (error instanceof AppError) {
    return Response.json({ error: error.toJSON() }, { ...init, status: error.status });
  }
  if (error instanceof z.ZodError) {
    // The first problem, named by its field: enough for a developer to fix the request.
    const issue = error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
    return Response.json(
      { error: { code: "VALIDATION_FAILED", message: `${where}${issue.message}` } },
      { ...init, status: 422 },
    );
  }
  console.error(error);
  return Response.json(
    {
      error: {
        code: "INTERNAL_ERROR",
        message: "Something went wrong on our side. Please try again.",
      },
    },
    { ...init, status: 500 },
  );
}

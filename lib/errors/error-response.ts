import { z } from "zod";
import { AppError } from "./app-error";

export type ErrorAnswer = { status: number; body: { error: { code: string; message: string } } };

/** The one mapping from errors to HTTP answers: `{ error: { code, message } }`, never a stack. */
export function errorAnswer(error: unknown): ErrorAnswer {
  if (error instanceof AppError) return { status: error.status, body: { error: error.toJSON() } };
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
  const { status, body } = errorAnswer(error);
  return Response.json(body, { ...init, status });
}

import { z } from "zod";
import { AppError } from "./app-error";

/** The one mapping from errors to HTTP answers: `{ error: { code, message } }`, never a stack. */
export function errorResponse(error: unknown, init: ResponseInit = {}): Response {
  if (error instanceof AppError) {
    return Response.json({ error: error.toJSON() }, { ...init, status: error.status });
  }
  if (error instanceof z.ZodError) {
    return Response.json(
      { error: { code: "VALIDATION_FAILED", message: z.prettifyError(error) } },
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

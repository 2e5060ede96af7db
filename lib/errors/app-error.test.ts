import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "./app-error";
import { errorAnswer } from "./error-response";

afterEach(() => vi.restoreAllMocks());

describe("AppError", () => {
  it("shows people the message of a refusal of their own request", () => {
    const error = new AppError("NOT_FOUND", "No such license.");
    expect(error.userMessage).toBe("No such license.");
    expect(error.toJSON()).toEqual({ code: "NOT_FOUND", message: "No such license." });
    expect(JSON.stringify(error)).toBe('{"code":"NOT_FOUND","message":"No such license."}');
  });

  it("keeps the detail of a fault on our side for the log", () => {
    const error = new AppError(
      "PAYMENTS_NOT_CONFIGURED",
      "Payments are not configured: set STRIPE_SECRET_KEY.",
    );
    expect(error.message).toBe("Payments are not configured: set STRIPE_SECRET_KEY.");
    expect(error.userMessage).not.toContain("STRIPE_SECRET_KEY");
    expect(error.toJSON().message).toBe(error.userMessage);
  });

  it("takes a user message from the caller", () => {
    const error = new AppError("AMOUNT_MISMATCH", "Session cs_1 charged 500 USD for 2 items.", {
      userMessage: "The amount does not match the price.",
    });
    expect(error.toJSON()).toEqual({
      code: "AMOUNT_MISMATCH",
      message: "The amount does not match the price.",
    });
  });
});

describe("errorAnswer", () => {
  it("answers with the code's status and the user message, and logs the detail", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const cause = new Error("connect ECONNREFUSED 127.0.0.1:12111");
    const answer = errorAnswer(
      new AppError("PAYMENT_PROVIDER_ERROR", `Stripe did not answer: ${cause.message}`, { cause }),
    );
    expect(answer.status).toBe(502);
    expect(answer.body.error.code).toBe("PAYMENT_PROVIDER_ERROR");
    expect(JSON.stringify(answer.body)).not.toContain("ECONNREFUSED");
    expect(log).toHaveBeenCalledWith(
      "PAYMENT_PROVIDER_ERROR: Stripe did not answer: connect ECONNREFUSED 127.0.0.1:12111",
      cause,
    );
  });

  it("logs nothing for a refusal whose message people saw", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(errorAnswer(new AppError("RATE_LIMITED", "Slow down."))).toEqual({
      status: 429,
      body: { error: { code: "RATE_LIMITED", message: "Slow down." } },
    });
    expect(log).not.toHaveBeenCalled();
  });

  it("names the field of invalid input and hides anything unexpected behind a 500", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const invalid = z.object({ key: z.string() }).safeParse({ key: 1 }).error!;
    expect(errorAnswer(invalid).status).toBe(422);
    expect(errorAnswer(invalid).body.error.message).toMatch(/^key: /);
    expect(errorAnswer(new Error("secret detail"))).toEqual({
      status: 500,
      body: {
        error: {
          code: "INTERNAL_ERROR",
          message: "Something went wrong on our side. Please try again.",
        },
      },
    });
  });
});

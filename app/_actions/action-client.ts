import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { Actor } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { logAppError } from "@/lib/errors/log-app-error";
import type { ActionState, FormAction } from "./action-state";

/** What the actions of a signed-in viewer know: who they are and how the audit log names them. */
type ViewerContext = { viewer: Viewer; actor: Actor };

export function viewerContext(viewer: Viewer, actorType: Actor["type"]): ViewerContext {
  return { viewer, actor: { type: actorType, id: viewer.userId, label: viewer.email } };
}

/**
 * Makes the server actions of one audience. Server actions are public POST endpoints, so each one
 * checks who is asking itself, parses the form with its schema, and answers a domain refusal
 * (AppError) with its user message; anything else is a bug and throws.
 */
export function createActionClient<Context>(options: {
  /** Returns what the actions need to know about who asks, or redirects / answers not-found. */
  authorize: () => Promise<Context>;
  /** The path whose pages show what the actions change; nothing is revalidated without it. */
  revalidate?: Parameters<typeof revalidatePath>;
  /** Shown for input the schema refuses; by default the schema's own first message. */
  invalidInputMessage?: string;
}) {
  return function defineAction<S extends z.ZodType>(
    schema: S,
    run: (input: z.infer<S>, context: Context) => Promise<ActionState>,
  ): FormAction {
    return async (_previous, formData) => {
      const context = await options.authorize();
      // The arguments are whatever the POST said, not necessarily what the form sends.
      const parsed =
        formData instanceof FormData ? schema.safeParse(Object.fromEntries(formData)) : undefined;
      if (!parsed?.success) {
        const message =
          options.invalidInputMessage ?? parsed?.error.issues[0]?.message ?? "Invalid input.";
        return { error: { code: "VALIDATION_FAILED", message } };
      }
      try {
        const state = await run(parsed.data, context);
        if (options.revalidate) revalidatePath(...options.revalidate);
        return state;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        logAppError(error);
        return { error: error.toJSON() };
      }
    };
  };
}

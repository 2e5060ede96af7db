import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { ActionState } from "@/components/ui/action-state";
import type { Actor } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";

/**
 * How a family of server actions runs. Server actions are public POST endpoints, so each one
 * checks who is asking itself, parses the form with its schema, and answers a domain refusal
 * (AppError) as a message; anything else is a bug and throws.
 */
export function formActions(options: {
  /** Returns the viewer allowed to act, or redirects / answers not-found. */
  authorize: () => Promise<Viewer>;
  /** Who the audit log says acted. */
  actorType: Actor["type"];
  /** The path whose pages show what the actions change. */
  revalidate: Parameters<typeof revalidatePath>;
  /** Shown for input the schema refuses; by default the schema's own first message. */
  invalidInputMessage?: string;
}) {
  return function formAction<S extends z.ZodType>(
    schema: S,
    run: (input: z.infer<S>, context: { viewer: Viewer; actor: Actor }) => Promise<ActionState>,
  ) {
    return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
      const viewer = await options.authorize();
      const parsed = schema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) {
        const message =
          options.invalidInputMessage ?? parsed.error.issues[0]?.message ?? "Invalid input.";
        return { ok: false, message };
      }
      const actor = { type: options.actorType, id: viewer.userId, label: viewer.email };
      try {
        const state = await run(parsed.data, { viewer, actor });
        revalidatePath(...options.revalidate);
        return state;
      } catch (error) {
        if (error instanceof AppError) return { ok: false, message: error.message };
        throw error;
      }
    };
  };
}

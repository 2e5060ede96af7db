import type { AppErrorCode } from "@/lib/errors/app-error";

/**
 * What every server action answers, shown beside its form. A refusal has the shape of the HTTP
 * API's errors: a stable code and a message meant for the person who asked.
 */
export type ActionState = {
  /** Said after the action succeeded. */
  message?: string;
  /** Why the action was refused. */
  error?: { code: AppErrorCode; message: string };
  /** A download the action prepared. */
  download?: { url: string; fileName: string; expiresAt: string };
};

/** A server action posted by a form through `useActionState`. */
export type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

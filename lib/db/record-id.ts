import { z } from "zod";

/** The id of one of our rows as a form or URL carries it (cuid: letters and digits). */
export const recordId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+$/i);

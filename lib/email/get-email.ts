import "server-only";
import { db } from "@/lib/db";

/** One email of the outbox as it was rendered, or null. */
export const getEmail = (options: { emailId: string }) =>
  db.emailMessage.findUnique({ where: { id: options.emailId } });

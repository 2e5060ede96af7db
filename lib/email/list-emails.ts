import "server-only";
import { db } from "@/lib/db";
import { EmailStatus } from "@/lib/generated/prisma/enums";

export const EMAIL_STATUSES = Object.values(EmailStatus);

/** The latest emails of the outbox, newest first, optionally of one status, without their bodies. */
export const listEmails = (options: { status?: EmailStatus } = {}) =>
  db.emailMessage.findMany({
    where: options.status ? { status: options.status } : {},
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      to: true,
      template: true,
      subject: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
  });

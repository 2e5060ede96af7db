import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { uniqueSuffix } from "./factories";

/** Queues a receipt email with a fresh idempotency key and returns the key. */
export async function queueTestReceipt(customerName: string | null = "Ada") {
  const key = `receipt:test-${uniqueSuffix()}`;
  await db.$transaction((tx) =>
    enqueueEmail(tx, {
      idempotencyKey: key,
      to: "ada@example.com",
      template: "receipt",
      props: {
        customerName,
        receiptNumber: "KF-1",
        paidAt: "1 January 2026",
        productName: "Pixelmill",
        tierName: "Personal",
        quantity: 1,
        amount: "$49.00",
        paymentReference: "pi_123",
      },
    }),
  );
  return key;
}

/** The outbox row of an email, by its idempotency key. */
export const storedEmail = (idempotencyKey: string) =>
  db.emailMessage.findUniqueOrThrow({ where: { idempotencyKey } });

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createLicense, uniqueSuffix } from "@/test/factories";
import { emailDeliveryIdle, kickEmailDelivery } from "./email-worker";
import { retryEmail } from "./retry-email";

const admin = { type: "ADMIN", id: "admin-1", label: "owner@keyfront.test" } as const;

describe("retrying a failed email", () => {
  it("puts a failed email back in the outbox", async () => {
    const { license } = await createLicense();
    const email = await db.emailMessage.create({
      data: {
        idempotencyKey: `failed-${uniqueSuffix()}`,
        to: license.customerEmail,
        template: "receipt",
        subject: "s",
        html: "h",
        text: "t",
        status: "FAILED",
        attempts: 3,
        lastError: "Resend 503",
      },
    });
    await retryEmail({ emailId: email.id, actor: admin });
    kickEmailDelivery();
    await emailDeliveryIdle();
    // Delivered again (captured: no Resend key in tests) with a fresh attempt count.
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({
      status: "SENT",
      attempts: 1,
      lastError: null,
    });
    await expect(retryEmail({ emailId: "nosuchemail", actor: admin })).rejects.toThrow(
      "No failed email",
    );
  });
});

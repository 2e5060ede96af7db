import "server-only";
import type { Tx } from "@/lib/db";
import { renderEmail, type EmailTemplate, type TemplateProps } from "./templates";

/**
 * Puts an email in the outbox inside the caller's transaction: it exists exactly when the change
 * that caused it commits. The idempotency key (e.g. `license-delivery:<purchaseId>`) makes a
 * repeated enqueue a no-op, and is passed to the provider so a retried send is not sent twice.
 */
export async function enqueueEmail<T extends EmailTemplate>(
  tx: Tx,
  options: { idempotencyKey: string; to: string; template: T; props: TemplateProps[T] },
) {
  const rendered = await renderEmail(options.template, options.props);
  await tx.emailMessage.createMany({
    data: [
      {
        idempotencyKey: options.idempotencyKey,
        to: options.to,
        template: options.template,
        ...rendered,
      },
    ],
    skipDuplicates: true,
  });
}

"use server";

import type { Route } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { createActionClient } from "@/app/_actions/action-client";
import { startCheckoutSchema } from "@/lib/catalog/schemas";
import { clientIp } from "@/lib/http/client-ip";
import { startBuyerCheckout } from "@/lib/payments/start-buyer-checkout";

// Anyone may start a checkout: the buyer signs in nowhere, and Stripe collects the payment.
const storefrontAction = createActionClient({
  authorize: async () => ({}),
  invalidInputMessage: "That license could not be found. Please reload the page.",
});

export const startCheckout = storefrontAction(startCheckoutSchema, async (input) => {
  const { url } = await startBuyerCheckout({ ...input, ip: clientIp(await headers()) });
  redirect(url as Route);
});

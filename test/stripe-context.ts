import type { RunningStripeEmulator } from "@/dev/stripe-emulator/server";

// Kept free of app imports: test/setup-stripe.ts must set the Stripe keys before any app module
// reads the configuration.
let running: RunningStripeEmulator | undefined;

export function setTestStripe(emulator: RunningStripeEmulator) {
  running = emulator;
}

/** The Stripe emulator of this test file (started by test/setup-stripe.ts). */
export function testStripe(): RunningStripeEmulator {
  if (!running) throw new Error("The Stripe emulator is not running (test/setup-stripe.ts)");
  return running;
}

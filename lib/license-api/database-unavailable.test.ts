import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as activate } from "@/app/api/v1/licenses/activate/route";
import { POST as deactivate } from "@/app/api/v1/licenses/deactivate/route";
import { POST as validate } from "@/app/api/v1/licenses/validate/route";
import { db } from "@/lib/db";
import { validateEndpoint } from "./license-api-endpoints";
import { serveLicenseApi } from "./serve-license-api";

// This file's database is a port nobody listens on: every query fails to connect, as in an
// outage. Set before @/lib/db is imported, so its client connects there.
await vi.hoisted(async () => {
  const { createServer: createTcpServer } = await import("node:net");
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${port}/postgres`;
});

let server: Server;
let directUrl: string;

beforeAll(async () => {
  server = createServer(
    (incoming, outgoing) => void serveLicenseApi(validateEndpoint, incoming, outgoing),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  directUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/licenses/validate`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await db.$disconnect();
});

const body = JSON.stringify({ key: "TEST-AAAAA-BBBBB-CCCCC", fingerprint: "machine-1" });

async function expectServiceUnavailable(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("5");
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
  expect(await response.json()).toEqual({
    error: {
      code: "SERVICE_UNAVAILABLE",
      message: "The service is briefly unavailable. Please try again shortly.",
    },
  });
}

describe("the license API while the database is unreachable", () => {
  it("answers 503 with Retry-After from the App Router route handlers", async () => {
    for (const route of [validate, activate, deactivate]) {
      await expectServiceUnavailable(
        await route(
          new Request("http://localhost/api/v1/licenses/x", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body,
          }),
        ),
      );
    }
  });

  it("answers 503 with Retry-After from the production server's direct mount", async () => {
    await expectServiceUnavailable(
      await fetch(directUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      }),
    );
  });

  it("still answers a client's own mistake as such", async () => {
    const response = await validate(
      new Request("http://localhost/api/v1/licenses/validate", { method: "POST", body: "{" }),
    );
    expect(response.status).toBe(400);
  });
});

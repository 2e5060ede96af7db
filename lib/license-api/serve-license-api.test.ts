import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as validateRoute } from "@/app/api/v1/licenses/validate/route";
import { db } from "@/lib/db";
import { validateEndpoint } from "./license-api-endpoints";
import { createLicense, uniqueSuffix } from "@/test/factories";
import { serveLicenseApi } from "./serve-license-api";

let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer(
    (incoming, outgoing) => void serveLicenseApi(validateEndpoint, incoming, outgoing),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/licenses/validate`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

/** Sends the body in pieces, with the given framing headers, as a streaming client would. */
function postRaw(
  headers: Record<string, string>,
  chunks: string[],
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method: "POST", headers }, (incoming) => {
      let body = "";
      incoming.on("data", (chunk: Buffer) => (body += chunk.toString()));
      incoming.on("end", () =>
        resolve({ status: incoming.statusCode!, headers: incoming.headers, body }),
      );
    });
    outgoing.on("error", reject);
    for (const chunk of chunks) outgoing.write(chunk);
    outgoing.end();
  });
}

describe("serveLicenseApi (the production server's direct mount)", () => {
  it("answers exactly as the route handler does, with the site's security headers", async () => {
    const { license } = await createLicense();
    const body = JSON.stringify({ key: license.key });
    const headers = {
      "content-type": "application/json",
      "x-forwarded-for": `10.50.${uniqueSuffix().slice(0, 2)}.1`,
    };
    const direct = await post(body, headers);
    const routed = await validateRoute(new Request(url, { method: "POST", headers, body }));

    expect(direct.status).toBe(routed.status);
    expect(await direct.json()).toEqual(await routed.json());
    for (const name of ["access-control-allow-origin", "cache-control", "content-type"])
      expect(direct.headers.get(name)).toBe(routed.headers.get(name));
    expect(direct.headers.get("x-content-type-options")).toBe("nosniff");
    expect(direct.headers.get("x-frame-options")).toBe("DENY");
    expect(Number(direct.headers.get("content-length"))).toBeGreaterThan(0);
    const counted = await db.license.findUniqueOrThrow({ where: { id: license.id } });
    expect(counted.validationCount).toBe(2);
  });

  it("answers bad input with the same error codes", async () => {
    const invalid = await post("{not json");
    expect([
      invalid.status,
      ((await invalid.json()) as { error: { code: string } }).error.code,
    ]).toEqual([400, "INVALID_JSON"]);
    const unknownField = await post(JSON.stringify({ key: "TEST-X", extra: 1 }));
    expect(unknownField.status).toBe(422);
  });

  it("refuses an oversized body, declared or streamed, and closes the connection", async () => {
    const declared = await postRaw({ "content-length": "99999" }, ["{}"]);
    expect(declared.status).toBe(413);
    expect(declared.headers.connection).toBe("close");
    const chunked = { "transfer-encoding": "chunked" };
    const streamed = await postRaw(
      chunked,
      Array.from({ length: 20 }, () => "x".repeat(1024)),
    );
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    expect(streamed.headers.connection).toBe("close");
    const small = await postRaw(chunked, ['{"key":', '"TEST-NONE"}']);
    expect([small.status, JSON.parse(small.body).code]).toEqual([404, "NOT_FOUND"]);
  });

  it("counts the socket's address, whatever the client claims, when no proxy is trusted", async () => {
    const spoofed = `10.51.${parseInt(uniqueSuffix().slice(0, 2), 16)}.7`;
    const answer = await post(JSON.stringify({ key: "TEST-ANY" }), {
      "x-forwarded-for": `${spoofed}, 10.0.0.1`,
      "x-real-ip": spoofed,
      "x-keyfront-client-ip": spoofed,
    });
    expect(answer.status).toBe(404);
    const counted = await db.rateLimit.findMany({
      where: { key: { in: [`license-api:ip:${spoofed}`, "license-api:ip:127.0.0.1"] } },
    });
    expect(counted.map((row) => row.key)).toEqual(["license-api:ip:127.0.0.1"]);
  });
});

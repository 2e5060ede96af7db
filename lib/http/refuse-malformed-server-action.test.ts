import { describe, expect, it } from "vitest";
import { refuseMalformedServerAction } from "./refuse-malformed-server-action";

const ACTION_ID = `7f${"ab".repeat(20)}`;

function actionPost(options: { headers?: Record<string, string>; body?: string | ArrayBuffer }) {
  // A server receives the length a client declared; a Request built here has none of its own.
  const length =
    typeof options.body === "string"
      ? Buffer.byteLength(options.body)
      : (options.body?.byteLength ?? 0);
  const request = new Request("http://shop.test/account", {
    method: "POST",
    headers: { host: "shop.test", "content-length": String(length), ...options.headers },
    body: options.body,
  });
  return refuseMalformedServerAction(request);
}

function multipart(fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

describe("refuseMalformedServerAction", () => {
  it("lets through what React's client sends", async () => {
    const text = { "next-action": ACTION_ID, "content-type": "text/plain;charset=UTF-8" };
    expect(await actionPost({ headers: text, body: '[{},"$undefined"]' })).toBeUndefined();
    // A Request computes the multipart boundary and length itself, as a browser does.
    const form = multipart({ "0": '[{"message":"$$5"},"$K1"]', "1_licenseId": "abc" });
    const request = new Request("http://shop.test/account", { method: "POST", body: form });
    const bytes = await request.arrayBuffer();
    const headers = {
      "next-action": ACTION_ID,
      "content-type": request.headers.get("content-type")!,
      "content-length": String(bytes.byteLength),
      origin: "http://shop.test",
    };
    expect(await actionPost({ headers, body: bytes })).toBeUndefined();
  });

  it("ignores what is not a POST that Next would take for an action", async () => {
    const json = { "content-type": "application/json" };
    expect(await actionPost({ headers: json, body: "{}" })).toBeUndefined();
  });

  it.each([
    ["cross-origin", { origin: "https://evil.test" }, "[]", 403],
    ["origin null", { origin: "null" }, "[]", 403],
    ["action id not hex", { "next-action": "zz" }, "[]", 400],
    ["JSON body", { "content-type": "application/json" }, "[]", 415],
    ["no content type", { "content-type": "" }, "[]", 415],
    ["not JSON", {}, "nope", 400],
    ["not an argument list", {}, "{}", 400],
    ["a reference to another row", {}, '["$@1"]', 400],
    ["a server reference", {}, '[{"a":"$h2"}]', 400],
    ["too large", {}, `["${"x".repeat(70_000)}"]`, 413],
  ])("refuses %s", async (_name, headers, body, status) => {
    const refusal = await actionPost({
      headers: { "next-action": ACTION_ID, "content-type": "text/plain", ...headers },
      body,
    });
    expect(refusal?.status).toBe(status);
  });

  it("refuses a body of unknown length and multipart it cannot read", async () => {
    // Sent chunked: no Content-Length to check before reading.
    const chunked = new Request("http://shop.test/account", {
      method: "POST",
      headers: { "next-action": ACTION_ID, "content-type": "text/plain" },
      body: "[]",
    });
    expect((await refuseMalformedServerAction(chunked))?.status).toBe(411);

    const broken = await actionPost({
      headers: { "next-action": ACTION_ID, "content-type": "multipart/form-data; boundary=x" },
      body: "--x\r\nnot a part",
    });
    expect(broken?.status).toBe(400);
    const noPlainFormAction = await actionPost({
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: "--y",
    });
    expect(noPlainFormAction?.status).toBe(400);
  });
});

/**
 * Server actions are public POST endpoints that Next decodes before any of our code runs, and
 * Next answers 500 to whatever it cannot decode (a broken multipart body, an argument list that is
 * not one, a cross-origin call). proxy.ts refuses those requests here with the 4xx they deserve;
 * what passes is what React's own client sends, and the actions validate their arguments again.
 */

/** Every form of the app is a few fields; no action needs more. */
export const MAX_ACTION_BODY_BYTES = 64 * 1024;

// A server reference id: 42 lowercase hex digits (a type byte and a hash).
const ACTION_ID = /^[0-9a-f]{42}$/;

const FORM_CONTENT_TYPES = ["multipart/form-data", "application/x-www-form-urlencoded"];
// A fetch action whose arguments encode to one JSON row is sent as text/plain.
const ACTION_CONTENT_TYPES = [...FORM_CONTENT_TYPES, "text/plain"];

// Values React's encodeReply writes as they are; any other "$…" string refers to another row.
const LITERAL_VALUE = /^\$(?:\$.*|undefined|NaN|-?Infinity|-0|D.*|n-?\d+|K[0-9a-f]+)?$/;

type Refusal = { status: number; message: string };

const refuse = (status: number, message: string): Response =>
  Response.json({ error: { code: "INVALID_SERVER_ACTION", message } }, { status });

/** The host the browser addressed, as Next's own origin check reads it. */
function requestHost(headers: Headers): string | undefined {
  return headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || undefined;
}

function mediaType(headers: Headers): string {
  return headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
}

/** True for a string of an action's argument rows that refers only to what React writes inline. */
function onlyInlineValues(value: unknown): boolean {
  if (typeof value === "string") return !value.startsWith("$") || LITERAL_VALUE.test(value);
  if (Array.isArray(value)) return value.every(onlyInlineValues);
  if (value !== null && typeof value === "object")
    return Object.values(value).every(onlyInlineValues);
  return true;
}

/** The argument list of a fetch action: a JSON array, its values inline or form data. */
function checkArguments(row: string | undefined): Refusal | undefined {
  if (row === undefined) return { status: 400, message: "The action's arguments are missing." };
  let args: unknown;
  try {
    args = JSON.parse(row);
  } catch {
    return { status: 400, message: "The action's arguments are not valid JSON." };
  }
  if (!Array.isArray(args) || !onlyInlineValues(args)) {
    return { status: 400, message: "The action's arguments are not an argument list." };
  }
  return undefined;
}

/** A no-JS form post (no Next-Action header): every action field it names must be well formed. */
function checkFormPost(form: FormData): Refusal | undefined {
  for (const [name, value] of form) {
    const id = name.match(/^\$ACTION_ID_(.*)$/)?.[1];
    if (id !== undefined && !ACTION_ID.test(id)) {
      return { status: 400, message: "The form names an action that does not exist." };
    }
    if (/^\$ACTION_(REF_|\d+:)/.test(name) && typeof value === "string" && name.includes(":")) {
      try {
        JSON.parse(value);
      } catch {
        return { status: 400, message: "The form's action fields are not valid." };
      }
    }
  }
  return undefined;
}

/**
 * A refusal for a POST to a page that Next would take for a server action and fail on, or
 * undefined for one it can decode. Reads the body (a copy: Next reads it again) only once its
 * length is known to be small.
 */
export async function refuseMalformedServerAction(request: Request): Promise<Response | undefined> {
  if (request.method !== "POST") return undefined;
  const actionId = request.headers.get("next-action");
  const type = mediaType(request.headers);
  const isFormPost = FORM_CONTENT_TYPES.includes(type);
  if (actionId === null && !isFormPost) return undefined;

  // Next aborts a cross-origin action itself, but with a 500.
  const origin = request.headers.get("origin");
  if (origin !== null) {
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = undefined;
    }
    if (!originHost || originHost !== requestHost(request.headers)) {
      return refuse(403, "Server actions are only accepted from this site's own pages.");
    }
  }
  if (actionId !== null && !ACTION_ID.test(actionId)) {
    return refuse(400, "That is not a server action id.");
  }
  if (actionId !== null && !ACTION_CONTENT_TYPES.includes(type)) {
    return refuse(415, "Send a server action as multipart/form-data or text/plain.");
  }
  const length = Number(request.headers.get("content-length") ?? Number.NaN);
  if (!Number.isSafeInteger(length)) return refuse(411, "Send the body with its Content-Length.");
  if (length > MAX_ACTION_BODY_BYTES) return refuse(413, "The form is too large.");

  const refusal = await checkBody(request.clone(), { type, fetchAction: actionId !== null });
  return refusal && refuse(refusal.status, refusal.message);
}

async function checkBody(
  request: Request,
  options: { type: string; fetchAction: boolean },
): Promise<Refusal | undefined> {
  if (options.type === "text/plain") return checkArguments(await request.text());
  if (options.type === "application/x-www-form-urlencoded") {
    // Next answers a urlencoded fetch action 404 and renders the page for a plain form post.
    return undefined;
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return { status: 400, message: "The form data could not be read." };
  }
  if (!options.fetchAction) return checkFormPost(form);
  const root = form.get("0");
  return checkArguments(typeof root === "string" ? root : undefined);
}

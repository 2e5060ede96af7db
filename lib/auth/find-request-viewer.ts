import "server-only";
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { getServerSession } from "next-auth";
import { authOptions } from "./auth-options";
import { type Viewer, viewerOf } from "./viewer";

/** The session cookie next-auth sets: `__Secure-` prefixed when the app is served over https. */
export const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * The signed-in user of a request that has not reached a page yet (proxy.ts, where next/headers
 * does not exist): the same session lookup as getViewer, through next-auth's own path, so the
 * session rules (expiry, role) stay next-auth's. Reads the database: call it only when a session
 * cookie is present and the answer decides the response's status.
 */
export async function findRequestViewer(request: {
  headers: Headers;
  cookies: { name: string; value: string }[];
}): Promise<Viewer | null> {
  // next-auth's pages-style signature: a Node request with parsed cookies, and a response whose
  // Set-Cookie (the session's extended expiry) is dropped here and sent by the page next time.
  const incoming = Object.assign(new IncomingMessage(new Socket()), {
    cookies: Object.fromEntries(request.cookies.map((cookie) => [cookie.name, cookie.value])),
  });
  incoming.headers = Object.fromEntries(request.headers);
  return viewerOf(await getServerSession(incoming, new ServerResponse(incoming), authOptions));
}

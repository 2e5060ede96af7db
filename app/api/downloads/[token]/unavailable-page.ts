const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page a customer sees instead of a file: what happened and how to get a new link. */
export function unavailablePage(status: number, message: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Download unavailable · Keyfront</title>
<style>body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#0f172a;background:#f8fafc}main{max-width:32rem;margin:4rem auto;padding:2rem;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem}
h1{font-size:1.5rem;margin:0 0 .5rem}a{display:inline-block;margin-top:1.5rem;background:#2f45c6;color:#fff;padding:.6rem 1rem;border-radius:.4rem;text-decoration:none;font-weight:600}a:focus{outline:2px solid #2f45c6;outline-offset:2px}</style></head>
<body><main><h1>This download is not available</h1><p>${escape(message)}</p>
<p>Your account has your licenses and files: get a new download link there.</p><a href="/account">Go to your account</a></main></body></html>`;
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

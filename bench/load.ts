// One load run, in its own process so it does not share an event loop with what it measures.
// Prints one JSON line: requests/s, latency percentiles and non-2xx answers.
import autocannon from "autocannon";

const [url, connections, seconds, keysJson] = process.argv.slice(2);
const keys = JSON.parse(keysJson!) as string[];
let next = 0;
let firstFailure: string | undefined;

const result = await autocannon({
  url: url!,
  connections: Number(connections),
  duration: Number(seconds),
  method: "POST",
  headers: { "content-type": "application/json" },
  requests: [
    {
      setupRequest: (request) => ({
        ...request,
        body: JSON.stringify({ key: keys[next++ % keys.length] }),
      }),
      onResponse: (status, body) => {
        if (status >= 300) firstFailure ??= `${status} ${body.slice(0, 200)}`;
      },
    },
  ],
});

console.log(
  JSON.stringify({
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
    firstFailure,
  }),
);

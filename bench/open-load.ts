/**
 * An open-model load: many independent users, each sending requests at random moments (a Poisson
 * process of a given rate, so arrivals bunch up as real ones do), one request at a time each.
 * Latency counts from when a request was due, not from when it went out: if the server falls
 * behind, a user's next request is late and its lateness is counted (no coordinated omission).
 */
import http from 'node:http';

export interface Step {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: unknown;
  headers: Record<string, string>;
}

/** A user: gives its next request, and hears the answer (to chain steps, e.g. create then submit). */
export interface User {
  next(): Step;
  answer(status: number, body: string): void;
}

export interface OpenLoadResult {
  latencies: number[];
  statuses: Record<string, number>;
  errors: number;
  requests: number;
  seconds: number;
}

function send(agent: http.Agent, base: URL, step: Step): Promise<{ status: number; body: string }> {
  const payload = step.body === undefined ? undefined : JSON.stringify(step.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: step.method,
        path: step.path,
        headers: payload ? { ...step.headers, 'content-length': Buffer.byteLength(payload) } : step.headers,
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every user sends `rate` requests a second on average for `seconds`, each on a connection of its own. */
export async function openLoad(baseUrl: string, users: User[], rate: number, seconds: number): Promise<OpenLoadResult> {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const agents = users.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const out: OpenLoadResult = { latencies: [], statuses: {}, errors: 0, requests: 0, seconds };
  const start = performance.now();
  const end = start + seconds * 1000;
  const gap = () => (-Math.log(1 - Math.random()) * 1000) / rate;
  await Promise.all(
    users.map(async (user, i) => {
      let due = start + gap();
      while (due < end) {
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        try {
          const { status, body } = await send(agents[i]!, base, user.next());
          out.latencies.push(performance.now() - due);
          out.statuses[status] = (out.statuses[status] ?? 0) + 1;
          if (status >= 400) out.errors++;
          user.answer(status, body);
        } catch {
          out.errors++;
        }
        out.requests++;
        due += gap();
      }
    }),
  );
  out.seconds = (performance.now() - start) / 1000;
  for (const a of [agent, ...agents]) a.destroy();
  return out;
}

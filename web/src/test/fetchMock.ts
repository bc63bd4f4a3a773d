/**
 * The API client captures `fetch` when it is created, so tests install one delegating fetch
 * before anything imports the client, and swap the handler per test.
 */
type Handler = (req: Request) => Response | Promise<Response>;

const notMocked: Handler = (req) => {
  throw new Error(`unexpected request ${req.method} ${req.url}`);
};
let handler: Handler = notMocked;
export const requests: Request[] = [];

export function installFetchMock() {
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
    requests.push(req.clone());
    return handler(req);
  };
}

export function mockApi(h: Handler) {
  handler = h;
}

export function resetFetchMock() {
  handler = notMocked;
  requests.length = 0;
}

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

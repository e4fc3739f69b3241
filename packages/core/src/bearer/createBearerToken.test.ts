import { describe, expect, inject, it } from "vitest";
import { BEARER_TOKEN_CASES } from "../../test/harness/bearerTokenCases";
import { BearerTokenError } from "./BearerTokenError";
import { BEARER_TOKEN_PREFIX, createBearerToken } from "./createBearerToken";

const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret-for-the-test" };
const decode = (token: string) => atob(token.slice(BEARER_TOKEN_PREFIX.length));

describe("createBearerToken", () => {
  // botocore's tokens come from test/harness/botocoreTokens.globalSetup.ts, run in Node for
  // every project: the comparison itself runs in each runtime.
  const botocore = inject("botocoreTokens");
  it
    .skipIf("missing" in botocore && botocore.skip)
    .each(BEARER_TOKEN_CASES.map((c, i) => [c.label, c, i] as const))(
    "is byte for byte botocore's token: %s",
    (_label, c, i) => {
      const token = createBearerToken({
        credentials: {
          accessKeyId: c.accessKeyId,
          secretAccessKey: c.secretAccessKey,
          sessionToken: c.sessionToken,
        },
        region: c.region,
        expiresIn: c.expiresIn,
        signingDate: new Date(c.epochSeconds * 1000),
      });
      if ("missing" in botocore) throw new Error(botocore.missing);
      expect(botocore.tokens).toHaveLength(BEARER_TOKEN_CASES.length);
      expect(token).toBe(botocore.tokens[i]);
    },
  );

  it("presigns CallWithBearerToken for 12 hours by default, on the global host, Version=1 last", () => {
    const url = decode(
      createBearerToken({
        credentials,
        region: "ap-south-1",
        signingDate: new Date(Date.UTC(2026, 11, 5, 8, 0, 30, 999)),
      }),
    );
    expect(url).toMatch(
      /^sagemaker\.amazonaws\.com\/\?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20261205%2Fap-south-1%2Fsagemaker%2Faws4_request&X-Amz-Date=20261205T080030Z&X-Amz-Expires=43200&X-Amz-SignedHeaders=host&X-Amz-Signature=[0-9a-f]{64}&Version=1$/,
    );
  });

  it("signs at the time of the call when no date is given", () => {
    const before = new Date().toISOString().slice(0, 10).replace(/-/g, "");
    const url = decode(createBearerToken({ credentials, region: "us-east-1" }));
    expect(url).toContain(`%2F${before}%2F`);
  });

  it.each([
    [{ expiresIn: 0 }, "expiresIn"],
    [{ expiresIn: 43_201 }, "expiresIn"],
    [{ expiresIn: 1.5 }, "expiresIn"],
    [{ expiresIn: "60" }, "expiresIn"],
    [{ region: "" }, "region"],
    [{ region: "us-east-1/evil" }, "region"],
    [{ credentials: { accessKeyId: "", secretAccessKey: "x" } }, "credentials"],
    [{ credentials: { accessKeyId: "AKID" } }, "credentials"],
    [{ signingDate: new Date(Number.NaN) }, "signingDate"],
  ])("rejects %j with a typed error naming %s", (bad, field) => {
    const make = () =>
      createBearerToken({ credentials, region: "us-east-1", ...(bad as object) } as never);
    expect(make).toThrow(BearerTokenError);
    try {
      make();
    } catch (error) {
      expect(error).toMatchObject({ name: "BearerTokenError", field });
      expect((error as Error).message).toContain(field);
      expect(BearerTokenError.isInstance(error)).toBe(true);
    }
  });

  it("accepts the bounds 1 s and 12 h", () => {
    for (const expiresIn of [1, 43_200]) {
      expect(decode(createBearerToken({ credentials, region: "us-east-1", expiresIn }))).toContain(
        `X-Amz-Expires=${expiresIn}&`,
      );
    }
  });
});

import vectors from "@vectors/restjson1-error-codes.json";
import { describe, expect, it } from "vitest";
import { ModelError, ValidationError } from "./modeledErrors";
import { errorCodeOf, parseErrorResponse } from "./parseErrorResponse";
import { SageMakerRuntimeServiceException } from "./SageMakerRuntimeServiceException";

interface CodeCase {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
  expected_code: string;
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe("the restJson1 error code (smithy's protocol test cases)", () => {
  it.each((vectors as { cases: CodeCase[] }).cases.map((c) => [c.id, c] as const))(
    "%s",
    (_id, c) => {
      const body =
        c.body === null ? undefined : typeof c.body === "string" ? JSON.parse(c.body) : c.body;
      expect(errorCodeOf(new Headers(c.headers), body)).toBe(c.expected_code);
      const error = parseErrorResponse(
        new Response(null, { status: c.status, headers: c.headers }),
        bytes(c.body === null ? "" : typeof c.body === "string" ? c.body : JSON.stringify(c.body)),
        "InvokeEndpoint",
      );
      expect(error.name).toBe(c.expected_code);
    },
  );
});

describe("parseErrorResponse", () => {
  it("builds the modeled class with its fields and metadata", () => {
    const response = new Response(null, {
      status: 424,
      headers: {
        "x-amzn-ErrorType": "ModelError:http://internal.amazon.com/coral/com.amazon.coral.service/",
        "x-amzn-RequestId": "req-1",
      },
    });
    const body = {
      Message: "Received server error (500)",
      OriginalStatusCode: 500,
      OriginalMessage: "boom",
      LogStreamArn: "arn:log",
    };
    const error = parseErrorResponse(response, bytes(JSON.stringify(body)), "InvokeEndpoint");
    expect(error).toBeInstanceOf(ModelError);
    expect(error).toMatchObject({
      name: "ModelError",
      $fault: "client",
      message: "Received server error (500)",
      OriginalStatusCode: 500,
      OriginalMessage: "boom",
      LogStreamArn: "arn:log",
      $metadata: { httpStatusCode: 424, requestId: "req-1" },
    });
  });

  it("reads `message` as well as `Message`", () => {
    const response = new Response(null, {
      status: 400,
      headers: { "x-amzn-ErrorType": "ValidationError" },
    });
    const error = parseErrorResponse(
      response,
      bytes('{"message":"Endpoint x of account 1 not found."}'),
      "InvokeEndpoint",
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe("Endpoint x of account 1 not found.");
  });

  it("gives unmodeled codes the base class with that name", () => {
    const response = new Response(null, {
      status: 400,
      headers: { "x-amzn-ErrorType": "ThrottlingException" },
    });
    const error = parseErrorResponse(
      response,
      bytes('{"message":"Rate exceeded"}'),
      "InvokeEndpoint",
    );
    expect(error).toBeInstanceOf(SageMakerRuntimeServiceException);
    expect(error).toMatchObject({
      name: "ThrottlingException",
      message: "Rate exceeded",
      $fault: "client",
    });
  });

  it("turns an HTML page from a proxy into a typed error, never a SyntaxError", () => {
    const response = new Response(null, {
      status: 502,
      headers: { "content-type": "text/html; charset=utf-8" },
    });
    const error = parseErrorResponse(
      response,
      bytes("<html><body>Bad Gateway</body></html>"),
      'InvokeEndpoint on endpoint "x"',
    );
    expect(error).toBeInstanceOf(SageMakerRuntimeServiceException);
    expect(error).toMatchObject({
      name: "502",
      $fault: "server",
      $metadata: { httpStatusCode: 502 },
    });
    expect(error.message).toContain("non-JSON 502");
    expect(error.message).toContain("text/html");
    expect(error.message).not.toContain("Bad Gateway");
  });
});

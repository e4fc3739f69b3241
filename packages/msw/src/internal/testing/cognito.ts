// Test-only: requests to Cognito Identity and STS as a client sends them, and their answers.
import { TEST_DATE } from "./signRequest";

export const COGNITO_URL = "https://cognito-identity.us-east-1.amazonaws.com/";
export const STS_URL = "https://sts.us-east-1.amazonaws.com/";
export const POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
export const GOOGLE = "accounts.google.com";
export const ROLE = "arn:aws:iam::123456789012:role/WebRole";

/** Sends an AWS JSON 1.1 call, unsigned, through the (mocked) global fetch. */
export function cognitoCall(
  operation: string,
  body: object | string,
  options: { url?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  return fetch(options.url ?? COGNITO_URL, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `AWSCognitoIdentityService.${operation}`,
      ...options.headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export interface CognitoAnswer {
  status: number;
  type: string | null;
  errorMessage: string | null;
  contentType: string | null;
  body: Record<string, unknown>;
}

/** A Cognito answer, read: status, error type header, and the JSON body. */
export async function readCognito(response: Response): Promise<CognitoAnswer> {
  return {
    status: response.status,
    type: response.headers.get("x-amzn-errortype"),
    errorMessage: response.headers.get("x-amzn-errormessage"),
    contentType: response.headers.get("content-type"),
    body: (await response.json()) as Record<string, unknown>,
  };
}

/** Cognito's error, as `{ status, __type, message }`. */
export async function cognitoFailure(
  response: Response,
): Promise<{ status: number; __type: unknown; message: unknown }> {
  const { status, body } = await readCognito(response);
  return { status, __type: body.__type, message: body.message };
}

/** Sends AssumeRoleWithWebIdentity as the query protocol does (a form POST, unsigned). */
export function stsCall(
  params: Record<string, string>,
  options: { url?: string } = {},
): Promise<Response> {
  return fetch(options.url ?? STS_URL, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      Action: "AssumeRoleWithWebIdentity",
      Version: "2011-06-15",
      ...params,
    }).toString(),
  });
}

/** The text of an element of an XML answer. */
export function xmlText(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

/** STS's error, as `{ status, type, code, message }`. */
export async function stsFailure(response: Response): Promise<{
  status: number;
  type: string | undefined;
  code: string | undefined;
  message: string | undefined;
}> {
  const xml = await response.text();
  return {
    status: response.status,
    type: xmlText(xml, "Type"),
    code: xmlText(xml, "Code"),
    message: xmlText(xml, "Message")?.replace(/&apos;/g, "'"),
  };
}

/** A clock tests can move: epoch ms, starting at TEST_DATE. */
export function testClock(): { ms: number; now: () => number } {
  const clock = { ms: TEST_DATE.getTime(), now: () => clock.ms };
  return clock;
}

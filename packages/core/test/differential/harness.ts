// Shared plumbing of the differential tests: run the same call through sagefetch and through
// `@aws-sdk/client-sagemaker-runtime`, capture what each puts on the wire, and feed both the
// same recorded answer. Nothing here touches the network.
//
// - sagefetch is captured through its `fetch` option.
// - The AWS SDK is captured through a custom `requestHandler`. Its answer is given the way the
//   SDK's own handlers give it: header names in lower case (Node's `IncomingMessage` and the
//   fetch `Headers` both lower-case them, so the SDK never sees mixed case on a real call), and
//   the body as a web `ReadableStream` (what `FetchHttpHandler` gives; the SDK's Node stream
//   collector accepts it too).
import * as aws from "@aws-sdk/client-sagemaker-runtime";
import * as sagefetch from "@sagefetch/core";
import { SignatureV4 } from "@smithy/signature-v4";
import type { Checksum, HttpRequest, HttpResponse, SourceData } from "@smithy/types";
import { vi } from "vitest";

/** One region of each partition (aws, aws-cn, aws-us-gov, the isolated ones, the EU sovereign). */
export const ONE_REGION_PER_PARTITION: string[] = [
  "us-east-1",
  "cn-north-1",
  "us-gov-west-1",
  "us-iso-east-1",
  "us-isob-east-1",
  "eu-isoe-west-1",
  "us-isof-south-1",
  "eusc-de-east-1",
];

/** The instant both clients sign at (frozen with fake timers around each call). */
export const FIXED_NOW: Date = new Date("2026-11-24T12:00:00.000Z");

export const ACCESS_KEY_ID = "AKIDEXAMPLE";
export const SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
export const SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLE//session+token==";

/** Client options common to both clients (the names are the AWS SDK's). */
export interface ClientOptions {
  region?: string;
  endpoint?: string | { protocol: string; hostname: string; port?: number; path: string };
  useFipsEndpoint?: boolean;
  useDualstackEndpoint?: boolean;
  /** Adds a session token to the credentials. */
  sessionToken?: boolean;
}

/** A recorded answer of the service (or of something in front of it). */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** What one client put on the wire, normalized so that both can be compared. */
export interface WireRequest {
  method: string;
  /** protocol, host (with any port) and path. */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: Uint8Array;
}

/** What a call gave: the request sent (if any), then an output or an error. */
export interface Outcome {
  request: WireRequest | undefined;
  output: Record<string, unknown> | undefined;
  error: unknown;
}

export type Input = sagefetch.InvokeEndpointCommandInput;

export const OK: Answer = {
  status: 200,
  headers: { "Content-Type": "application/json", "x-amzn-RequestId": "ok-request-id" },
  body: '{"ok":true}',
};

const utf8 = new TextEncoder();

export function credentials(withToken = false): {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
} {
  return {
    accessKeyId: ACCESS_KEY_ID,
    secretAccessKey: SECRET_ACCESS_KEY,
    ...(withToken ? { sessionToken: SESSION_TOKEN } : {}),
  };
}

/**
 * Keeps the AWS SDK's Node config loaders (env vars, ~/.aws files) from filling in what a test
 * left out on purpose, e.g. a missing region. Call in `beforeAll`; `vi.unstubAllEnvs` undoes it.
 */
export function isolateFromAwsEnvironment(): void {
  for (const name of [
    "AWS_REGION",
    "AWS_PROFILE",
    "AWS_USE_FIPS_ENDPOINT",
    "AWS_USE_DUALSTACK_ENDPOINT",
    "AWS_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME",
    "AWS_MAX_ATTEMPTS",
  ]) {
    vi.stubEnv(name, undefined);
  }
  vi.stubEnv("AWS_CONFIG_FILE", "/nonexistent/aws-config");
  vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
}

/** Runs `fn` with `Date` frozen at FIXED_NOW (timers stay real). */
export async function atFixedTime<T>(fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ now: FIXED_NOW, toFake: ["Date"] });
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

/** An answer's body as bytes (a copy, so that each client reads its own). */
function toBytes(body: string | Uint8Array | undefined): Uint8Array<ArrayBuffer> {
  if (body === undefined) return new Uint8Array();
  return typeof body === "string" ? utf8.encode(body) : new Uint8Array(body);
}

/**
 * The bytes a request body puts on the wire: a string as UTF-8, any view as the bytes it
 * covers (as the AWS SDK's Node handler writes it: `Buffer.from(buffer, byteOffset,
 * byteLength)`), an ArrayBuffer whole, a Blob read out.
 */
export async function bodyBytes(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  if (typeof body === "string") return utf8.encode(body);
  if (ArrayBuffer.isView(body)) {
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength).slice();
  }
  if (body instanceof ArrayBuffer) return new Uint8Array(body.slice(0));
  if (body instanceof Blob) return new Uint8Array(await body.arrayBuffer());
  throw new TypeError(`unexpected request body: ${Object.prototype.toString.call(body)}`);
}

/** Sends `input` through the AWS SDK, answering with `answer`. */
export async function runAws(
  options: ClientOptions,
  input: Input,
  answer: Answer = OK,
): Promise<Outcome> {
  const { request, output, error } = await runAwsOperation(
    "InvokeEndpoint",
    options,
    input,
    answer,
  );
  return { request, output, error };
}

async function fromSmithyRequest(request: HttpRequest): Promise<WireRequest> {
  const port = request.port ? `:${request.port}` : "";
  const query = new URLSearchParams(request.query as Record<string, string>).toString();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  return {
    method: request.method,
    url: `${request.protocol}//${request.hostname}${port}${request.path}${query ? `?${query}` : ""}`,
    headers,
    body: await bodyBytes(request.body),
  };
}

/** What sagefetch handed to fetch, normalized like the AWS SDK's side. */
async function fromFetchCall(captured: { url: string; init: RequestInit }): Promise<WireRequest> {
  const headers: Record<string, string> = {};
  // Headers lower-cases the names (and would join two spellings of one name with ", ").
  new Headers(captured.init.headers).forEach((value, name) => {
    headers[name] = value;
  });
  return {
    method: captured.init.method ?? "GET",
    url: captured.url,
    headers,
    body: await bodyBytes(captured.init.body),
  };
}

/** Sends `input` through sagefetch, answering with `answer`. */
export async function runSagefetch(
  options: ClientOptions,
  input: Input,
  answer: Answer = OK,
): Promise<Outcome> {
  const { request, output, error } = await runSagefetchOperation(
    "InvokeEndpoint",
    options,
    input,
    answer,
  );
  return { request, output, error };
}

/** Both clients, same options, same input, same answer, same instant. */
export async function runBoth(
  options: ClientOptions,
  input: Input,
  answer: Answer = OK,
): Promise<{ aws: Outcome; sagefetch: Outcome }> {
  return atFixedTime(async () => ({
    aws: await runAws(options, input, answer),
    sagefetch: await runSagefetch(options, input, answer),
  }));
}

// --- SigV4 -------------------------------------------------------------------------------------

/** The parts of an `Authorization: AWS4-HMAC-SHA256 ...` header. */
export function parseAuthorization(header: string | undefined): {
  accessKeyId: string;
  scope: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
} {
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8}\/([^/]+)\/([^/]+)\/aws4_request), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      header ?? "",
    );
  if (!match) throw new Error(`not a SigV4 Authorization header: ${header}`);
  const [, accessKeyId, scope, region, service, signedHeaders, signature] =
    match as unknown as string[];
  return {
    accessKeyId: accessKeyId as string,
    scope: scope as string,
    region: region as string,
    service: service as string,
    signedHeaders: (signedHeaders as string).split(";"),
    signature: signature as string,
  };
}

/** SHA-256 (and HMAC-SHA256) on WebCrypto, written here so as not to share sagefetch's. */
class TestSha256 implements Checksum {
  private chunks: Uint8Array[] = [];
  constructor(private readonly secret?: SourceData) {}
  update(data: SourceData): void {
    this.chunks.push(sourceBytes(data));
  }
  async digest(): Promise<Uint8Array> {
    const data = concat(this.chunks);
    if (this.secret === undefined)
      return new Uint8Array(await crypto.subtle.digest("SHA-256", data));
    const key = await crypto.subtle.importKey(
      "raw",
      sourceBytes(this.secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    return new Uint8Array(await crypto.subtle.sign("HMAC", key, data));
  }
  reset(): void {
    this.chunks = [];
  }
}

function sourceBytes(data: SourceData): Uint8Array<ArrayBuffer> {
  if (typeof data === "string") return utf8.encode(data);
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
  return new Uint8Array(data.slice(0));
}

function concat(chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", sourceBytes(bytes)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The `Authorization` header a SigV4 signer computes for `request` when it signs exactly the
 * headers named in `signedHeaders` (with `host` taken from the URL, as fetch sends it), for
 * service `sagemaker` in `region` at FIXED_NOW. `x-amz-date`, `x-amz-security-token` and
 * `x-amz-content-sha256` are left for the signer to compute from the clock, the credentials
 * and the body, so that a wrong value sent by the client cannot verify.
 */
export async function recomputeAuthorization(
  request: WireRequest,
  signedHeaders: string[],
  region: string,
  withToken: boolean,
): Promise<string> {
  const url = new URL(request.url);
  const recomputed = new Set(["x-amz-date", "x-amz-security-token", "x-amz-content-sha256"]);
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    if (recomputed.has(name)) continue;
    headers[name] = name === "host" ? url.host : (request.headers[name] ?? "");
  }
  const signer = new SignatureV4({
    service: "sagemaker",
    region,
    credentials: credentials(withToken),
    sha256: TestSha256,
    uriEscapePath: true,
    applyChecksum: true,
  });
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      query: {},
      headers,
      body: request.body,
    },
    { signingDate: FIXED_NOW },
  );
  return signed.headers.authorization as string;
}

// --- Errors ------------------------------------------------------------------------------------

/**
 * The class named `name` in a package's exports, or its service base class when it exports
 * none (unmodeled codes): what `instanceof` should hold for an error of that name.
 */
export function ownClass(pkg: "aws" | "sagefetch", name: string): new (...args: never[]) => Error {
  const exports = (pkg === "aws" ? aws : sagefetch) as unknown as Record<string, unknown>;
  const candidate = exports[name];
  if (typeof candidate === "function" && candidate.prototype instanceof Error) {
    return candidate as new (
      ...args: never[]
    ) => Error;
  }
  return exports.SageMakerRuntimeServiceException as new (
    ...args: never[]
  ) => Error;
}

/** A property of an error or output, read without type noise. */
export function prop(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

// --- Any operation, answers delivered in chunks --------------------------------------------------
//
// The helpers above run InvokeEndpoint; these run any of the three operations, and can deliver the
// answer's body cut into the network chunks a test chooses, one chunk per read, only when the
// client asks for it (as a socket does): a `ReadableStream` with `highWaterMark: 0` whose `pull`
// enqueues one chunk. The AWS SDK gets it as its response body, as `FetchHttpHandler` gives
// `response.body`; sagefetch gets it in a `Response`, as fetch does.

export type OperationName =
  | "InvokeEndpoint"
  | "InvokeEndpointWithResponseStream"
  | "InvokeEndpointAsync";

/** An answer whose body comes in the given chunks (`body` is ignored when `chunks` is given). */
export interface ChunkedAnswer extends Answer {
  chunks?: Uint8Array[];
}

/** What a call of any operation gave, plus how many body chunks the client had read so far. */
export interface OperationOutcome extends Outcome {
  /** Chunks of the answer's body read by the client so far (read it when you need it). */
  pulls: () => number;
  /** Chunks the answer's body was cut into. */
  totalChunks: number;
}

/** `bytes` cut into chunks of the sizes in `sizes`, cycling; `"whole"` gives one chunk. */
export function cut(bytes: Uint8Array, sizes: readonly number[] | "whole"): Uint8Array[] {
  if (sizes === "whole") return bytes.byteLength > 0 ? [bytes.slice()] : [];
  const out: Uint8Array[] = [];
  for (let at = 0, i = 0; at < bytes.byteLength; i++) {
    const size = sizes[i % sizes.length] as number;
    out.push(bytes.slice(at, at + size));
    at += size;
  }
  return out;
}

/** A body that gives one chunk (a copy) per read, and counts the reads. */
function chunkStream(chunks: Uint8Array[]): {
  stream: ReadableStream<Uint8Array>;
  pulls: () => number;
} {
  let next = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (next < chunks.length) controller.enqueue((chunks[next++] as Uint8Array).slice());
        else controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulls: () => next };
}

function answerChunks(answer: ChunkedAnswer): Uint8Array[] {
  if (answer.chunks) return answer.chunks;
  const bytes = toBytes(answer.body);
  return bytes.byteLength > 0 ? [bytes] : [];
}

function awsCommand(operation: OperationName, input: unknown) {
  switch (operation) {
    case "InvokeEndpoint":
      return new aws.InvokeEndpointCommand(input as aws.InvokeEndpointCommandInput);
    case "InvokeEndpointWithResponseStream":
      return new aws.InvokeEndpointWithResponseStreamCommand(
        input as aws.InvokeEndpointWithResponseStreamCommandInput,
      );
    case "InvokeEndpointAsync":
      return new aws.InvokeEndpointAsyncCommand(input as aws.InvokeEndpointAsyncCommandInput);
  }
}

function sagefetchCommand(operation: OperationName, input: unknown) {
  switch (operation) {
    case "InvokeEndpoint":
      return new sagefetch.InvokeEndpointCommand(input as sagefetch.InvokeEndpointCommandInput);
    case "InvokeEndpointWithResponseStream":
      return new sagefetch.InvokeEndpointWithResponseStreamCommand(
        input as sagefetch.InvokeEndpointWithResponseStreamCommandInput,
      );
    case "InvokeEndpointAsync":
      return new sagefetch.InvokeEndpointAsyncCommand(
        input as sagefetch.InvokeEndpointAsyncCommandInput,
      );
  }
}

/** Sends `input` as `operation` through the AWS SDK, answering with `answer`. */
export async function runAwsOperation(
  operation: OperationName,
  options: ClientOptions,
  input: unknown,
  answer: ChunkedAnswer = OK,
): Promise<OperationOutcome> {
  let captured: HttpRequest | undefined;
  const chunks = answerChunks(answer);
  const body = chunkStream(chunks);
  const requestHandler = {
    async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
      captured = request;
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(answer.headers ?? {})) {
        headers[name.toLowerCase()] = value;
      }
      return { response: { statusCode: answer.status, headers, body: body.stream } };
    },
    updateHttpClientConfig(): void {},
    httpHandlerConfigs(): Record<string, never> {
      return {};
    },
  };
  let output: Record<string, unknown> | undefined;
  let error: unknown;
  try {
    const client = new aws.SageMakerRuntimeClient({
      ...options,
      credentials: credentials(options.sessionToken),
      maxAttempts: 1,
      requestHandler,
    } as aws.SageMakerRuntimeClientConfig);
    // biome-ignore lint/suspicious/noExplicitAny: one call site for three command types
    output = (await client.send(awsCommand(operation, input) as any)) as unknown as Record<
      string,
      unknown
    >;
  } catch (thrown) {
    error = thrown;
  }
  return {
    request: captured && (await fromSmithyRequest(captured)),
    output,
    error,
    pulls: body.pulls,
    totalChunks: chunks.length,
  };
}

/** Sends `input` as `operation` through sagefetch, answering with `answer`. */
export async function runSagefetchOperation(
  operation: OperationName,
  options: ClientOptions,
  input: unknown,
  answer: ChunkedAnswer = OK,
): Promise<OperationOutcome> {
  let captured: { url: string; init: RequestInit } | undefined;
  const chunks = answerChunks(answer);
  const body = chunkStream(chunks);
  const fetch = async (url: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    captured = { url: url instanceof Request ? url.url : String(url), init };
    // A status without a body (204, 304) cannot carry one in a Response.
    const nullBody = [101, 103, 204, 205, 304].includes(answer.status);
    return new Response(nullBody ? null : body.stream, {
      status: answer.status,
      headers: answer.headers ?? {},
    });
  };
  let output: Record<string, unknown> | undefined;
  let error: unknown;
  try {
    const client = new sagefetch.SageMakerRuntimeClient({
      ...options,
      credentials: credentials(options.sessionToken),
      maxAttempts: 1,
      fetch: fetch as typeof globalThis.fetch,
    });
    // biome-ignore lint/suspicious/noExplicitAny: one call site for three command types
    output = (await client.send(sagefetchCommand(operation, input) as any)) as unknown as Record<
      string,
      unknown
    >;
  } catch (thrown) {
    error = thrown;
  }
  return {
    request: captured && (await fromFetchCall(captured)),
    output,
    error,
    pulls: body.pulls,
    totalChunks: chunks.length,
  };
}

/** Both clients, same operation, options, input, answer and instant. */
export async function runBothOperation(
  operation: OperationName,
  options: ClientOptions,
  input: unknown,
  answer: ChunkedAnswer = OK,
): Promise<{ aws: OperationOutcome; sagefetch: OperationOutcome }> {
  return atFixedTime(async () => ({
    aws: await runAwsOperation(operation, options, input, answer),
    sagefetch: await runSagefetchOperation(operation, options, input, answer),
  }));
}

/** What looping over a response stream gave: the events, their bytes, and how it ended. */
export interface Drained {
  /** Each event yielded, as is. */
  events: unknown[];
  /** The `PayloadPart.Bytes` of each event, as plain arrays (comparable across clients). */
  parts: number[][];
  /** What the loop threw, if it threw. */
  error: unknown;
  /** Body chunks the client had read when the first event was yielded (undefined: none). */
  pullsAtFirstEvent: number | undefined;
}

/** Loops over a response stream's `Body` to its end or its error. */
export async function drain(body: unknown, pulls: () => number = () => 0): Promise<Drained> {
  const drained: Drained = {
    events: [],
    parts: [],
    error: undefined,
    pullsAtFirstEvent: undefined,
  };
  try {
    for await (const event of body as AsyncIterable<unknown>) {
      if (drained.events.length === 0) drained.pullsAtFirstEvent = pulls();
      drained.events.push(event);
      const bytes = prop(prop(event, "PayloadPart"), "Bytes") as Uint8Array | undefined;
      drained.parts.push(bytes ? Array.from(bytes) : []);
    }
  } catch (thrown) {
    drained.error = thrown;
  }
  return drained;
}

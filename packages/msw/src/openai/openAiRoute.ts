import { http, type RequestHandler } from "msw";
import { ModelContainerError } from "../handlers/ModelContainerError";
import type { MockState } from "../handlers/mockState";
import type { ModelOutput } from "../handlers/modelTypes";
import { createModelRequest } from "../handlers/operations/modelRequest";
import { encodeModelBody } from "../handlers/operations/resolveOutput";
import { runtimePath } from "../handlers/route";
import { chunkBytes } from "../handlers/streaming/eventMessages";
import { newAnswerContext } from "../internal/awsResponse";
import { readBody } from "../internal/bytes";
import { safeDecode } from "../internal/uriEncode";
import { openAiError } from "./openAiError";
import { verifyBearerToken } from "./verifyBearerToken";

const ROUTE =
  /^\/endpoints\/([^/]+)(?:\/inference-components\/([^/]+))?\/openai\/v1\/chat\/completions$/;

/** Where a request for the OpenAI-compatible route is headed. */
interface OpenAiTarget {
  endpointName: string;
  inferenceComponentName: string | undefined;
  hostRegion: string | undefined;
}

function matchOpenAiRoute(request: Request, state: MockState): OpenAiTarget | undefined {
  const found = runtimePath(request, state.config.baseUrls);
  const match = found && ROUTE.exec(found.path);
  if (!found || !match) return undefined;
  return {
    endpointName: safeDecode(match[1] ?? ""),
    inferenceComponentName: match[2] === undefined ? undefined : safeDecode(match[2]),
    hostRegion: found.hostRegion,
  };
}

/**
 * SageMaker's OpenAI-compatible route, `POST /endpoints/{name}[/inference-components/{ic}]/
 * openai/v1/chat/completions`: checks the bearer token (prefix, version, presigned signature
 * against the known credentials, region, expiry), then gives the Chat Completions body to the
 * endpoint's model and answers with what it returns, as the service passes the container's
 * answer through: streamed (`"stream": true`, server-sent events as the container writes them)
 * or one JSON body.
 */
export function openAiRouteHandler(state: MockState): RequestHandler {
  return http.post(
    ({ request }) => matchOpenAiRoute(request, state) !== undefined,
    async ({ request }) => {
      const target = matchOpenAiRoute(request, state);
      return target && answerOpenAi(request, target, state);
    },
  );
}

async function answerOpenAi(
  request: Request,
  target: OpenAiTarget,
  state: MockState,
): Promise<Response> {
  const { config } = state;
  const answer = newAnswerContext(config.now);
  const body = await readBody(request);
  const headers = Object.fromEntries(request.headers);
  const entry = {
    operation: undefined,
    endpointName: target.endpointName,
    method: request.method,
    url: request.url,
    headers,
    body,
    accessKeyId: undefined as string | undefined,
    requestId: answer.requestId,
    status: 0,
    streamedParts: undefined,
  };
  state.requests.push(entry);
  const response = await respond();
  entry.status = response.status;
  return response;

  async function respond(): Promise<Response> {
    const token = /^Bearer (\S+)$/i.exec(headers.authorization ?? "")?.[1];
    if (token === undefined) {
      return openAiError(
        answer,
        401,
        "missing_api_key",
        "Missing bearer token: send Authorization: Bearer <token>.",
      );
    }
    const checked = await verifyBearerToken(token, {
      credentials: config.credentials,
      region: config.region ?? target.hostRegion,
      now: new Date(config.now()),
    });
    if (!checked.ok) return openAiError(answer, checked.status, checked.code, checked.message);
    entry.accessKeyId = checked.accessKeyId;
    const endpoint = config.endpoints.get(target.endpointName);
    if (endpoint === undefined) {
      return openAiError(
        answer,
        404,
        "model_not_found",
        `Endpoint ${target.endpointName} of account ${config.accountId} not found.`,
      );
    }
    const component = target.inferenceComponentName;
    if (component !== undefined && !endpoint.inferenceComponents?.includes(component)) {
      return openAiError(
        answer,
        404,
        "model_not_found",
        `Inference component ${component} not found on endpoint ${target.endpointName}.`,
      );
    }
    let stream: boolean;
    try {
      stream = (JSON.parse(new TextDecoder().decode(body)) as { stream?: unknown }).stream === true;
    } catch {
      return openAiError(answer, 400, "invalid_json", "The request body is not valid JSON.");
    }
    const invocation = (state.invocations.get(target.endpointName) ?? 0) + 1;
    state.invocations.set(target.endpointName, invocation);
    const modelRequest = createModelRequest({
      operation: stream ? "InvokeEndpointWithResponseStream" : "InvokeEndpoint",
      endpointName: target.endpointName,
      variant: endpoint.variants[0] ?? "AllTraffic",
      body,
      headers:
        component === undefined
          ? headers
          : { ...headers, "x-amzn-sagemaker-inference-component": component },
      contentType: headers["content-type"],
      accept: headers.accept,
      invocation,
    });
    let output: ModelOutput;
    try {
      output = await endpoint.model(modelRequest);
    } catch (error) {
      const status = error instanceof ModelContainerError ? error.originalStatusCode : 500;
      const message =
        error instanceof ModelContainerError ? error.originalMessage : "The model failed.";
      return openAiError(answer, status, "model_error", message);
    }
    const responseHeaders = new Headers({
      "content-type": output.contentType ?? "application/json",
      "x-amzn-RequestId": answer.requestId,
    });
    if (!("stream" in output)) {
      return new Response(encodeModelBody(output.body), { status: 200, headers: responseHeaders });
    }
    return new Response(byteStream(output.stream), { status: 200, headers: responseHeaders });
  }
}

/** A model's chunks as a byte stream; a model that throws mid-way breaks the connection. */
function byteStream(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
): ReadableStream<Uint8Array> {
  const iterator =
    Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]();
  return new ReadableStream({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(chunkBytes(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

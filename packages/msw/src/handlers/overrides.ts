import { type HttpHandler, HttpResponse, http } from "msw";
import { errorResponse, newAnswerContext } from "../internal/awsResponse";
import { defaultMessage } from "../internal/errorCodes";
import { DEFAULT_VARIANT } from "./config";
import type { ModelOutput } from "./modelTypes";
import { modelOutputResponse } from "./operations/modelResponse";
import { resolveOutput } from "./operations/resolveOutput";
import { matchRoute, parseBaseUrl } from "./route";
import type { OperationName } from "./types";

/** Which requests an override answers. Default: every request to SageMaker Runtime. */
export interface OverrideOptions {
  endpointName?: string;
  operation?: OperationName;
  /** Extra base URLs, as in `sageMakerHandlers({ hosts })`. */
  hosts?: readonly string[];
  /** Answer one request only. */
  once?: boolean;
}

function override(
  options: OverrideOptions,
  answer: () => Response | Promise<Response>,
): HttpHandler {
  const baseUrls = (options.hosts ?? []).map(parseBaseUrl);
  return http.all(
    ({ request }) => {
      const route = matchRoute(request, baseUrls);
      if (route === undefined) return false;
      if (options.endpointName !== undefined && route.endpointName !== options.endpointName) {
        return false;
      }
      return options.operation === undefined || route.operation === options.operation;
    },
    answer,
    { once: options.once ?? false },
  );
}

/**
 * A handler for `server.use(...)` answering a SageMaker error, with no signature check.
 * Pass `code: undefined` for a plain `{"message": ...}` with no `x-amzn-ErrorType`.
 */
export function sageMakerError(
  code: string | undefined,
  status: number,
  message?: string,
  options: OverrideOptions & { fields?: Readonly<Record<string, unknown>> } = {},
): HttpHandler {
  return override(options, () =>
    errorResponse(newAnswerContext(), {
      status,
      code,
      message: message ?? defaultMessage(code, status),
      fields: options.fields,
    }),
  );
}

/** A handler for `server.use(...)` failing with a network error. */
export function sageMakerNetworkError(options: OverrideOptions = {}): HttpHandler {
  return override(options, () => HttpResponse.error());
}

/**
 * A handler for `server.use(...)` answering 200 with this output (InvokeEndpoint's shape), with
 * no signature check. A `stream` output is joined into the body: give an array (re-readable)
 * rather than a generator if the handler answers more than once.
 */
export function sageMakerResponse(
  output: ModelOutput,
  options: OverrideOptions & { variant?: string } = {},
): HttpHandler {
  const variant = options.variant ?? DEFAULT_VARIANT;
  return override(options, async () =>
    modelOutputResponse(newAnswerContext(), await resolveOutput(output), variant),
  );
}

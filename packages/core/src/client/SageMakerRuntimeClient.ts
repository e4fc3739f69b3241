import { isNewOffset, offsetFromDateHeader, offsetFromErrorMessage } from "../clock/clockSkew";
import type { Command, MetadataBearer, Operation, SerializedRequest } from "../commands/Operation";
import { type CredentialSource, memoizeCredentials } from "../credentials/memoizeCredentials";
import type { AwsCredentialIdentity } from "../credentials/types";
import { normalizeRegion } from "../endpoint/normalizeRegion";
import { resolveEndpoint, withOperationPath } from "../endpoint/resolveEndpoint";
import { type CorsBlockedError, EndpointError } from "../errors/clientErrors";
import { parseErrorResponse } from "../errors/parseErrorResponse";
import { redactEchoes } from "../errors/redactEchoes";
import type { ResponseMetadata } from "../errors/SageMakerRuntimeServiceException";
import { metadataOf } from "../http/metadataOf";
import { randomUuid } from "../internal/randomUuid";
import { corsBlocked } from "../relay/corsBlocked";
import { viaRelay } from "../relay/viaRelay";
import { CLOCK_SKEW_CODES, classifyError } from "../retry/classifyError";
import { retryAfterMs } from "../retry/retryAfter";
import { StandardRetryStrategy } from "../retry/StandardRetryStrategy";
import { sleep } from "../retry/sleep";
import { signRequest } from "../signing/signRequest";

/** SageMaker Runtime signs as `sagemaker`, not `runtime.sagemaker`. */
const SIGNING_NAME = "sagemaker";

import { type ResolvedConfig, resolveConfig, type SageMakerRuntimeClientConfig } from "./config";
import { abortError, withAttemptSignal } from "./withAttemptSignal";

/**
 * fetch's rejections that look like a CORS block, with their explanation. A page cannot tell a
 * CORS block from a dropped connection, which is worth retrying: the call is retried as after
 * any network error, and only the error it finally gives up with becomes `CorsBlockedError`.
 */
const corsExplained = /* @__PURE__ */ new WeakMap<object, CorsBlockedError>();

/** Per-call options, as the AWS SDK's `HttpHandlerOptions`. */
export interface SendOptions {
  /** Aborts the call at once, a wait between retries included. */
  abortSignal?: AbortSignal;
}

/** What one attempt signed with. */
interface Signing {
  offset: number;
  credentials: AwsCredentialIdentity | undefined;
}

interface Target {
  /** The URL signed for: the service's host, or `endpoint`. */
  url: URL;
  /** Where the request goes: `url`, or the relay naming it. */
  sendTo: URL;
  region: string;
  maxAttempts: number;
  describe: string;
}

/** An error on its way out, carrying what the retry loop needs to know of its answer. */
interface AttemptError {
  name?: string;
  message?: string;
  $metadata?: ResponseMetadata;
  $response?: Response;
}

/**
 * The SageMaker Runtime client: `send(command)` validates, resolves the endpoint, signs,
 * fetches with retries, and returns the command's output or throws its typed error.
 */
export class SageMakerRuntimeClient {
  /** The options given, plus the clock offset the client has learned (readable and settable). */
  readonly config: SageMakerRuntimeClientConfig & { systemClockOffset: number };
  private readonly resolved: ResolvedConfig;
  private readonly credentials: CredentialSource;
  /** Whether the credentials come from a provider that can give new ones. */
  private readonly refreshable: boolean;
  private readonly retryStrategy: StandardRetryStrategy;

  constructor(config: SageMakerRuntimeClientConfig = {}) {
    this.resolved = resolveConfig(config);
    this.config = { ...config, systemClockOffset: config.systemClockOffset ?? 0 };
    this.credentials = memoizeCredentials(config.credentials);
    this.refreshable = typeof config.credentials === "function";
    this.retryStrategy = config.retryStrategy ?? new StandardRetryStrategy();
  }

  /** Sends a command; resolves with its output or rejects with a typed error. */
  async send<Input, Output extends MetadataBearer>(
    command: Command<Input, Output>,
    options: SendOptions = {},
  ): Promise<Output> {
    const { operation } = command;
    const signal = options.abortSignal;
    const tally = { attempts: 0, totalRetryDelay: 0 };
    try {
      if (signal?.aborted) throw abortError(operation.name, signal);
      const request = await operation.serialize(command.input);
      const target = await this.target(operation.name, request);
      return await this.withRetries(operation, request, target, signal, tally);
    } catch (error) {
      // Every error says how far the call got, whatever threw it.
      if (typeof error === "object" && error !== null) {
        const e = error as AttemptError;
        e.$metadata = { ...e.$metadata, ...tally };
      }
      throw error;
    }
  }

  private async withRetries<Input, Output extends MetadataBearer>(
    operation: Operation<Input, Output>,
    request: SerializedRequest,
    target: Target,
    signal: AbortSignal | undefined,
    tally: { attempts: number; totalRetryDelay: number },
  ): Promise<Output> {
    const invocationId = randomUuid();
    let lastRetryCost: number | undefined;
    let refreshedExpired = false;
    for (let attempt = 1; ; attempt++) {
      tally.attempts = attempt;
      // The clock offset and credentials this attempt signs with, read when it signs.
      const signing: Signing = { offset: this.config.systemClockOffset, credentials: undefined };
      try {
        const { output, response } = await withAttemptSignal(
          signal,
          this.resolved.requestTimeout,
          target.describe,
          (attemptSignal) =>
            this.attempt(
              operation,
              request,
              target,
              { signal: attemptSignal, callerSignal: signal },
              signing,
              {
                "amz-sdk-invocation-id": invocationId,
                "amz-sdk-request": `attempt=${attempt}; max=${target.maxAttempts}`,
              },
            ),
        );
        this.retryStrategy.recordSuccess(lastRetryCost);
        return { $metadata: { ...metadataOf(response), ...tally }, ...output } as Output;
      } catch (thrown) {
        const error = thrown as AttemptError;
        // Temporary credentials that expired under us (a Cognito session, say): refresh them
        // once (one refresh however many calls were refused) and try again at once.
        if (
          error.name === "ExpiredTokenException" &&
          !refreshedExpired &&
          signing.credentials &&
          this.refreshable &&
          !signal?.aborted
        ) {
          refreshedExpired = true;
          await this.credentials(signing.credentials);
          continue;
        }
        const skewCorrected = this.correctSkewFromError(error, signing.offset);
        const decision = signal?.aborted
          ? ({ retry: false } as const)
          : this.retryStrategy.decide(
              skewCorrected ? "TRANSIENT" : classifyError(error),
              attempt,
              target.maxAttempts,
              retryAfterMs(error.$response?.headers, Date.now()),
            );
        // Given up on a fetch that failed as a CORS block does: say so (see corsExplained).
        if (!decision.retry) throw corsExplained.get(error) ?? error;
        this.resolved.logger?.debug(
          `${target.describe}: attempt ${attempt}/${target.maxAttempts} failed with ${error.name ?? "an error"}; retrying in ${decision.delayMs} ms.`,
        );
        await sleep(decision.delayMs, signal, () =>
          abortError(target.describe, signal as AbortSignal),
        );
        tally.totalRetryDelay += decision.delayMs;
        lastRetryCost = decision.cost;
      }
    }
  }

  /** One attempt: sign, fetch, and turn the answer into output or a typed error. */
  private async attempt<Input, Output>(
    operation: Operation<Input, Output>,
    request: SerializedRequest,
    target: Target,
    signals: { signal: AbortSignal; callerSignal: AbortSignal | undefined },
    signing: Signing,
    retryHeaders: Record<string, string>,
  ): Promise<{ response: Response; output: Omit<Output, "$metadata"> }> {
    const response = await this.fetchSigned(request, target, signals.signal, signing, retryHeaders);
    if (response.status < 200 || response.status > 299) {
      const body = new Uint8Array(await response.arrayBuffer());
      const error = parseErrorResponse(response, body, target.describe);
      redactEchoes(error, [
        signing.credentials?.sessionToken,
        request.headers["x-amzn-sagemaker-custom-attributes"],
      ]);
      // Kept for the retry loop (Retry-After, Date), out of sight like the AWS SDK's.
      Object.defineProperty(error, "$response", { value: response, enumerable: false });
      throw error;
    }
    const context = {
      ...signals,
      requestTimeout: this.resolved.requestTimeout,
      describe: target.describe,
    };
    return { response, output: await operation.deserialize(response, context) };
  }

  /** Kept for drop-in compatibility; a fetch-based client holds nothing to release. */
  destroy(): void {}

  private async target(operationName: string, request: SerializedRequest): Promise<Target> {
    const r = this.resolved;
    const [rawRegion, fipsOption, dualStack, maxAttempts, endpoint] = await Promise.all([
      r.region(),
      r.useFipsEndpoint(),
      r.useDualstackEndpoint(),
      r.maxAttempts(),
      r.endpoint?.(),
    ]);
    const { region, fips } = normalizeRegion(rawRegion);
    const base = resolveEndpoint({
      region,
      useFipsEndpoint: fipsOption || fips,
      useDualstackEndpoint: dualStack,
      endpoint,
    });
    // A custom endpoint still needs a region: SigV4 signs it into the credential scope.
    if (!region) throw new EndpointError("Invalid Configuration: Missing Region");
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
      throw new TypeError("maxAttempts must be an integer ≥ 1");
    }
    const url = withOperationPath(base, request.path);
    return {
      url,
      sendTo: r.relay ? viaRelay(r.relay, url) : url,
      region,
      maxAttempts,
      describe: `${operationName} on endpoint "${request.endpointName}"`,
    };
  }

  private async fetchSigned(
    request: SerializedRequest,
    target: Target,
    signal: AbortSignal,
    signing: Signing,
    retryHeaders: Record<string, string>,
  ): Promise<Response> {
    const credentials = await this.credentials();
    signing.credentials = credentials;
    signing.offset = this.config.systemClockOffset;
    const headers = await signRequest(
      "POST",
      target.url,
      { ...request.headers, ...retryHeaders },
      request.body,
      {
        credentials,
        region: target.region,
        service: SIGNING_NAME,
        date: new Date(Date.now() + signing.offset),
      },
    );
    // Looked up now, not at construction, so that mocks and instrumentation installed later apply.
    const fetchFn = this.resolved.fetch ?? globalThis.fetch;
    const sentAt = Date.now();
    let response: Response;
    try {
      response = await fetchFn(target.sendTo.href, {
        method: "POST",
        headers,
        body: request.body as BodyInit | undefined,
        signal,
      });
    } catch (error) {
      // Through a relay, CORS is the relay's to answer: a failure there is a network one.
      const blocked = this.resolved.relay
        ? undefined
        : corsBlocked(error, target.url, target.describe);
      if (blocked) corsExplained.set(error as object, blocked);
      throw error;
    }
    this.learnOffset(offsetFromDateHeader(response.headers, sentAt, Date.now()));
    return response;
  }

  private learnOffset(sample: number | undefined): boolean {
    if (!isNewOffset(this.config.systemClockOffset, sample)) return false;
    this.config.systemClockOffset = Math.round(sample);
    this.resolved.logger?.warn(
      `Clock skew: signing with an offset of ${Math.round(sample / 1000)} s from now on.`,
    );
    return true;
  }

  /**
   * After a skew error, whether the offset is now different from the one the failed attempt
   * signed with: learned from this answer's `Date`, from the error's text when `Date` could
   * not be read, or already by a parallel call. Then the call is worth retrying.
   */
  private correctSkewFromError(error: AttemptError, offsetUsed: number): boolean {
    if (!CLOCK_SKEW_CODES.has(error?.name ?? "")) return false;
    if (this.config.systemClockOffset === offsetUsed) {
      this.learnOffset(offsetFromErrorMessage(error.message ?? "", Date.now()));
    }
    return this.config.systemClockOffset !== offsetUsed;
  }
}

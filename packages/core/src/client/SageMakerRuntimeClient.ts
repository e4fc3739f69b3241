import { isNewOffset, offsetFromDateHeader, offsetFromErrorMessage } from "../clock/clockSkew";
import type { Command, MetadataBearer, Operation, SerializedRequest } from "../commands/Operation";
import { corsBlocked } from "../cors/corsBlocked";
import { relayUnreachable } from "../cors/relayUnreachable";
import { type CredentialSource, memoizeCredentials } from "../credentials/memoizeCredentials";
import type { AwsCredentialIdentity } from "../credentials/types";
import { parseErrorResponse } from "../errors/parseErrorResponse";
import { redactEchoes } from "../errors/redactEchoes";
import { metadataOf } from "../http/metadataOf";
import { randomUuid } from "../internal/randomUuid";
import { CUSTOM_ATTRIBUTES } from "../protocol/headers";
import { CLOCK_SKEW_CODES } from "../retry/classifyError";
import { retryAfterMs } from "../retry/retryAfter";
import { type AttemptRecord, retryLoop, withProgress } from "../retry/retryLoop";
import { StandardRetryStrategy } from "../retry/StandardRetryStrategy";
import { abortError } from "../retry/withAttemptSignal";
import { signRequest } from "../signing/signRequest";
import { type ResolvedConfig, resolveConfig, type SageMakerRuntimeClientConfig } from "./config";
import { resolveTarget, type Target } from "./resolveTarget";

/** SageMaker Runtime signs as `sagemaker`, not `runtime.sagemaker`. */
const SIGNING_NAME = "sagemaker";

/** Per-call options, as the AWS SDK's `HttpHandlerOptions`. */
export interface SendOptions {
  /** Aborts the call at once, a wait between retries included. */
  abortSignal?: AbortSignal;
}

/** One call, resolved before its first attempt. */
interface Call<Input, Output> {
  operation: Operation<Input, Output>;
  request: SerializedRequest;
  target: Target;
  signal: AbortSignal | undefined;
  invocationId: string;
}

/** What an attempt signed with. */
interface Signing {
  credentials: AwsCredentialIdentity;
  /** The clock offset, in ms. */
  offset: number;
}

/** A successful answer. */
interface Answer<Output> {
  response: Response;
  output: Omit<Output, "$metadata">;
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
    this.credentials = memoizeCredentials(config.credentials, this.resolved.credentialsTimeout);
    this.refreshable = typeof config.credentials === "function";
    this.retryStrategy = config.retryStrategy ?? new StandardRetryStrategy();
  }

  /** Sends a command; resolves with its output or rejects with a typed error. */
  async send<Input, Output extends MetadataBearer>(
    command: Command<Input, Output>,
    options: SendOptions = {},
  ): Promise<Output> {
    let call: Call<Input, Output>;
    try {
      call = await this.prepare(command, options.abortSignal);
    } catch (error) {
      throw withProgress(error, { attempts: 0, totalRetryDelay: 0 });
    }
    // Expired temporary credentials are refreshed once per call, however many attempts fail.
    let mayRefresh = true;
    const { value, progress } = await retryLoop(
      {
        strategy: this.retryStrategy,
        maxAttempts: call.target.maxAttempts,
        signal: call.signal,
        timeoutMs: this.resolved.requestTimeout,
        describe: call.target.describe,
        logger: this.resolved.logger,
      },
      async (n, signal) => {
        const record = await this.attempt(call, n, signal, mayRefresh);
        if (!record.ok && record.retry === "now") mayRefresh = false;
        return record;
      },
    );
    return { $metadata: { ...metadataOf(value.response), ...progress }, ...value.output } as Output;
  }

  /** Kept for drop-in compatibility; a fetch-based client holds nothing to release. */
  destroy(): void {}

  private async prepare<Input, Output extends MetadataBearer>(
    command: Command<Input, Output>,
    signal: AbortSignal | undefined,
  ): Promise<Call<Input, Output>> {
    const { operation } = command;
    if (signal?.aborted) throw abortError(operation.name, signal);
    const request = await operation.serialize(command.input);
    const target = await resolveTarget(this.resolved, operation.name, request);
    return { operation, request, target, signal, invocationId: randomUuid() };
  }

  /** One attempt: sign, fetch, and say what happened. */
  private async attempt<Input, Output>(
    call: Call<Input, Output>,
    n: number,
    signal: AbortSignal,
    mayRefresh: boolean,
  ): Promise<AttemptRecord<Answer<Output>>> {
    const signing: Signing = {
      credentials: await this.credentials(),
      offset: this.config.systemClockOffset,
    };
    const headers = await this.sign(call, n, signing);
    // Looked up now, not at construction, so that mocks and instrumentation installed later apply.
    const fetchFn = this.resolved.fetch ?? globalThis.fetch;
    const sentAt = Date.now();
    let response: Response;
    try {
      response = await fetchFn(call.target.sendTo.href, {
        method: "POST",
        headers,
        body: call.request.body as BodyInit | undefined,
        signal,
      });
    } catch (error) {
      // An abort or a timeout: thrown, for the loop to name it (AbortError, TimeoutError).
      if (signal.aborted) throw error;
      return this.explainNetworkFailure(error, call.target);
    }
    this.learnOffset(offsetFromDateHeader(response.headers, sentAt, Date.now()));
    if (response.status >= 200 && response.status <= 299) {
      const output = await call.operation.deserialize(response, {
        signal,
        callerSignal: call.signal,
        requestTimeout: this.resolved.requestTimeout,
        describe: call.target.describe,
      });
      return { ok: true, value: { response, output } };
    }
    const error = await this.serviceError(response, call, signing);
    if (mayRefresh && (await this.refreshExpired(error, signing))) {
      return { ok: false, error, retry: "now" };
    }
    return {
      ok: false,
      error,
      type: this.correctSkew(error, signing.offset) ? "TRANSIENT" : undefined,
      retryAfterMs: retryAfterMs(response.headers, Date.now()),
    };
  }

  private sign(
    call: Call<unknown, unknown>,
    n: number,
    { credentials, offset }: Signing,
  ): Promise<Record<string, string>> {
    const { request, target, invocationId } = call;
    return signRequest(
      "POST",
      target.url,
      {
        ...request.headers,
        "amz-sdk-invocation-id": invocationId,
        "amz-sdk-request": `attempt=${n}; max=${target.maxAttempts}`,
      },
      request.body,
      {
        credentials,
        region: target.region,
        service: SIGNING_NAME,
        date: new Date(Date.now() + offset),
      },
    );
  }

  /** The service's typed error, with what the request carried blanked out of its text. */
  private async serviceError(
    response: Response,
    call: Call<unknown, unknown>,
    { credentials }: Signing,
  ): Promise<Error> {
    const body = new Uint8Array(await response.arrayBuffer());
    const error = parseErrorResponse(response, body, call.target.describe);
    redactEchoes(error, [credentials.sessionToken, call.request.headers[CUSTOM_ATTRIBUTES]]);
    return error;
  }

  /** Fetch failed before any answer: what to tell the caller (decisions/0004-cors-relay.md). */
  private explainNetworkFailure(error: unknown, target: Target): AttemptRecord<never> {
    const relay = this.resolved.relay;
    if (relay) {
      const unreachable = relayUnreachable(error, relay, target.describe);
      return { ok: false, error, giveUpWith: unreachable.error, retry: unreachable.retry };
    }
    return { ok: false, error, giveUpWith: corsBlocked(error, target.url, target.describe) };
  }

  /**
   * Temporary credentials that expired under us (a Cognito session, say): whether new ones
   * were had, so that the call can try again at once. Many refused calls make one refresh.
   */
  private async refreshExpired(error: Error, { credentials }: Signing): Promise<boolean> {
    if (error.name !== "ExpiredTokenException" || !this.refreshable) return false;
    await this.credentials(credentials);
    return true;
  }

  /**
   * After a skew error, whether the offset is now different from the one the failed attempt
   * signed with: learned from this answer's `Date`, from the error's text when `Date` could
   * not be read, or already by a parallel call. Then the call is worth retrying.
   */
  private correctSkew(error: Error, offsetUsed: number): boolean {
    if (!CLOCK_SKEW_CODES.has(error.name)) return false;
    if (this.config.systemClockOffset === offsetUsed) {
      this.learnOffset(offsetFromErrorMessage(error.message, Date.now()));
    }
    return this.config.systemClockOffset !== offsetUsed;
  }

  private learnOffset(sample: number | undefined): void {
    if (!isNewOffset(this.config.systemClockOffset, sample)) return;
    this.config.systemClockOffset = Math.round(sample);
    this.resolved.logger?.warn(
      `Clock skew: signing with an offset of ${Math.round(sample / 1000)} s from now on.`,
    );
  }
}

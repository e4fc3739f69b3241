import {
  InvokeEndpointCommand,
  type InvokeEndpointCommandInput,
  type InvokeEndpointCommandOutput,
} from "@sagefetch/core";
import {
  type UseMutationOptions,
  type UseMutationResult,
  useMutation,
} from "@tanstack/react-query";
import { decodeBody } from "./decodeBody";
import { isAbort } from "./internal/isAbort";
import { useCalls } from "./internal/useCalls";
import { sageMakerKeys } from "./sageMakerKeys";
import type { Decoder, InputWithDefaults, InvokeResult, SageMakerError } from "./types";
import { useSageMakerClient } from "./useSageMakerClient";

type Input = InvokeEndpointCommandInput;
type MutationOptions<TData, TVariables> = UseMutationOptions<
  InvokeResult<TData>,
  SageMakerError,
  TVariables
>;

/** The signal each call (each mutation execution: its context object) was made under. */
const signals = /* @__PURE__ */ new WeakMap<object, AbortSignal>();

const notAnError = {
  status: "idle",
  isIdle: true,
  isError: false,
  error: null,
  failureReason: null,
} as const;

export interface UseInvokeEndpointOptions<
  TData = unknown,
  TDefaults extends Partial<Input> = Record<never, never>,
> extends Pick<
    MutationOptions<TData, InputWithDefaults<Input, TDefaults>>,
    "onSuccess" | "onError" | "onSettled" | "retryDelay" | "mutationKey" | "meta" | "scope"
  > {
  /**
   * Fields every call sends unless it gives its own; they become optional in `invoke`.
   * @example { EndpointName: "sentiment", ContentType: "application/json" }
   */
  defaults?: TDefaults;
  /**
   * Turns the answer into `data`.
   * @default decodeBody: JSON parsed, text and CSV as a string, anything else as bytes
   */
  decode?: Decoder<TData>;
  /**
   * Retries by TanStack Query, on top of the client's own (`maxAttempts`). An aborted call is
   * never retried.
   * @default false
   */
  retry?: MutationOptions<TData, unknown>["retry"];
}

/**
 * `useMutation`'s result (`status`, `isPending`, `error`, `variables`, `reset`, `mutate`,
 * `failureCount`, ...) with the answer split into `data` (decoded) and `output`.
 */
export type UseInvokeEndpointResult<TData = unknown, TInput = Input> = Omit<
  UseMutationResult<InvokeResult<TData>, SageMakerError, TInput>,
  "data"
> & {
  /** Sends InvokeEndpoint. Rejects as `mutateAsync` does; the error is in `error` too. */
  invoke(input: TInput): Promise<InvokeResult<TData>>;
  /** The last answer, decoded. */
  data: TData | undefined;
  /** The last answer as the client gave it (`Body`, `ContentType`, `$metadata`, ...). */
  output: InvokeEndpointCommandOutput | undefined;
  /**
   * Aborts the calls made so far (their `invoke` rejects with `AbortError`): those running,
   * and those not sent yet (waiting to retry, paused, queued behind their `scope`), which fail
   * when their turn comes, without sending. Unmounting does it too.
   */
  abort(): void;
  /**
   * The last call was aborted. That is not an error: `status` is `idle`, `error` is null and
   * `onError` is not called (`onSettled` is, with the `AbortError`).
   */
  isAborted: boolean;
};

/**
 * Imperative inference, for a button or a form: `useMutation` over InvokeEndpoint.
 * @example
 * const { invoke, data, error, isPending, abort } = useInvokeEndpoint({
 *   defaults: { EndpointName: "sentiment", ContentType: "application/json" },
 * });
 * await invoke({ Body: JSON.stringify({ inputs: text }) });
 */
export function useInvokeEndpoint<
  TData = unknown,
  TDefaults extends Partial<Input> = Record<never, never>,
>(
  options: UseInvokeEndpointOptions<TData, TDefaults> = {},
): UseInvokeEndpointResult<TData, InputWithDefaults<Input, TDefaults>> {
  const client = useSageMakerClient();
  const calls = useCalls();
  const {
    defaults,
    decode = decodeBody as Decoder<TData>,
    retry = false,
    onError,
    ...rest
  } = options;
  const mutation = useMutation<
    InvokeResult<TData>,
    SageMakerError,
    InputWithDefaults<Input, TDefaults>
  >({
    mutationKey: [...sageMakerKeys.all, "invoke"],
    ...rest,
    onError: (error, ...more) => (isAbort(error) ? undefined : onError?.(error, ...more)),
    retry: (count, error) =>
      !isAbort(error) &&
      (typeof retry === "function" ? retry(count, error) : retry === true || count < +retry),
    // Each call takes the signal of when it was made (TanStack gives it one context object
    // for all its attempts): `abort()` reaches it waiting to retry, paused or queued too.
    onMutate(_, context) {
      signals.set(context, calls.signal());
    },
    mutationFn: async (variables, context) => {
      const input = { ...defaults, ...variables } as Input;
      const output = await client.send(new InvokeEndpointCommand(input), {
        abortSignal: signals.get(context),
      });
      return { data: await decode(output, input), output };
    },
  });
  const isAborted = mutation.isError && isAbort(mutation.error);
  return {
    ...mutation,
    // An aborted call shows as no call at all, but for `isAborted` (and `variables`).
    ...(isAborted && notAnError),
    isAborted,
    invoke: mutation.mutateAsync,
    data: mutation.data?.data,
    output: mutation.data?.output,
    abort: calls.abort,
  };
}

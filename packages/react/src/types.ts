// Shared with every TanStack Query adapter: they live in @sagefetch/query.
export type { Decoder, InputWithDefaults, InvokeResult, SageMakerError } from "@sagefetch/query";

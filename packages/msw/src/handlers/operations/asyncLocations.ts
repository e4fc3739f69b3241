export interface AsyncLocationInput {
  region: string;
  accountId: string;
  endpointName: string;
  inferenceId: string;
  /** `X-Amzn-SageMaker-S3OutputPathExtension`: a path appended to the output paths. */
  extension: string | undefined;
  /** `X-Amzn-SageMaker-Filename`: the output object's name (default `<inferenceId>.out`). */
  filename: string | undefined;
}

/**
 * Where an async invocation's output and failure go, under the default bucket the SageMaker
 * Python SDK configures (`s3://sagemaker-<region>-<account>/async-endpoint-outputs/<endpoint>`
 * and `.../async-endpoint-failures/<endpoint>`); the failure object is `<inferenceId>-error.out`.
 */
export function asyncLocations(input: AsyncLocationInput): {
  outputLocation: string;
  failureLocation: string;
} {
  const bucket = `s3://sagemaker-${input.region}-${input.accountId}`;
  const extension = (input.extension ?? "").replace(/^\/+|\/+$/g, "");
  const path = (kind: string) =>
    [`${bucket}/${kind}`, input.endpointName, extension].filter((p) => p !== "").join("/");
  return {
    outputLocation: `${path("async-endpoint-outputs")}/${input.filename ?? `${input.inferenceId}.out`}`,
    failureLocation: `${path("async-endpoint-failures")}/${input.inferenceId}-error.out`,
  };
}

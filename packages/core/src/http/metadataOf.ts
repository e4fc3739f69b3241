import type { ResponseMetadata } from "../errors/SageMakerRuntimeServiceException";

/** `$metadata` of an answer: status and request ids, as the AWS SDK reads them. */
export function metadataOf(response: Response): ResponseMetadata {
  const h = response.headers;
  const metadata: ResponseMetadata = {
    httpStatusCode: response.status,
    extendedRequestId: h.get("x-amz-id-2") ?? undefined,
    cfId: h.get("x-amz-cf-id") ?? undefined,
    requestId:
      h.get("x-amzn-requestid") ??
      h.get("x-amzn-request-id") ??
      h.get("x-amz-request-id") ??
      undefined,
  };
  return metadata;
}

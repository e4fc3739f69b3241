import { errorResponse } from "../../internal/awsResponse";
import { ModelContainerError } from "../ModelContainerError";
import type { OperationContext } from "./context";

/**
 * 424 ModelError, as SageMaker answers when the container fails: the container's status and
 * message, and where its logs are.
 */
export function modelErrorResponse(error: unknown, context: OperationContext): Response {
  const { config, region, route } = context;
  const status = error instanceof ModelContainerError ? error.originalStatusCode : 500;
  const original =
    error instanceof ModelContainerError
      ? error.originalMessage
      : error instanceof Error
        ? error.message
        : String(error);
  const kind = status >= 500 ? "server" : "client";
  const group = `/aws/sagemaker/Endpoints/${route.endpointName}`;
  const logsUrl = `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#logEventViewer:group=${group}`;
  return errorResponse(context.answer, {
    status: 424,
    code: "ModelError",
    message: `Received ${kind} error (${status}) from primary with message "${original}". See ${logsUrl} in account ${config.accountId} for more information.`,
    fields: {
      OriginalStatusCode: status,
      OriginalMessage: original,
      LogStreamArn: `arn:aws:logs:${region}:${config.accountId}:log-group:${group}`,
    },
  });
}

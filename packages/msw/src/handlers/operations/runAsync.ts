import { fromUtf8 } from "../../internal/bytes";
import { sleep } from "../../internal/sleep";
import type { AsyncInvocation } from "../async/AsyncResults";
import { ModelContainerError } from "../ModelContainerError";
import type { ModelFn } from "../modelTypes";
import { resolveOutput } from "./resolveOutput";

/**
 * Runs an async invocation's model after the 202 has gone out, and records how it went. A model
 * still running after `timeoutSeconds` fails the invocation, as SageMaker would.
 */
export async function runAsync(
  invocation: AsyncInvocation,
  model: ModelFn,
  timeoutSeconds: number,
): Promise<void> {
  await sleep(0);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ModelContainerError(408, "Invocation timed out")),
      timeoutSeconds * 1000,
    );
  });
  try {
    const run = (async () => resolveOutput(await model(invocation.request)))();
    const output = await Promise.race([run, timeout]);
    const { body } = output;
    invocation.output = {
      body,
      contentType: output.contentType,
      customAttributes: output.customAttributes,
      text: () => fromUtf8(body),
      json: <T>() => JSON.parse(fromUtf8(body)) as T,
    };
    invocation.status = "completed";
  } catch (error) {
    invocation.error =
      error instanceof ModelContainerError
        ? { statusCode: error.originalStatusCode, message: error.originalMessage }
        : { statusCode: 500, message: error instanceof Error ? error.message : String(error) };
    invocation.status = "failed";
  } finally {
    clearTimeout(timer);
  }
}

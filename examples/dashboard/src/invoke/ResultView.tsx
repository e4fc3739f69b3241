import { DecodedBody } from "./DecodedBody";
import { ErrorView } from "./ErrorView";
import { ResponseHeaders } from "./ResponseHeaders";
import type { Invoker } from "./useInvoker";

/** The last call's answer: decoded body and headers, or the typed error. */
export function ResultView({ invoker }: { invoker: Invoker }) {
  const { status, data, output, error, request, isAborted } = invoker;
  const endpoint = request?.endpointName ?? "";
  let summary = "Nothing sent yet.";
  if (status === "pending") summary = `Waiting for ${endpoint}…`;
  else if (status === "error") summary = `${endpoint} failed.`;
  else if (status === "success") summary = `Answer from ${endpoint}.`;
  else if (isAborted) summary = `Cancelled: the call to ${endpoint} was aborted.`;
  return (
    <section className="result" aria-labelledby="result-heading" data-status={status}>
      <h2 id="result-heading">Response</h2>
      <p role="status" className="muted">
        {summary}
      </p>
      {status === "error" && <ErrorView error={error} />}
      {status === "success" && output && data && (
        <>
          <DecodedBody answer={data} contentType={output.ContentType} />
          <ResponseHeaders output={output} />
        </>
      )}
    </section>
  );
}

import type { InvokeEndpointCommandOutput } from "@sagefetch/core";

/** What SageMaker says about the answer besides its body. */
export function ResponseHeaders({ output }: { output: InvokeEndpointCommandOutput }) {
  const rows: [string, string | number | undefined][] = [
    ["ContentType", output.ContentType],
    ["InvokedProductionVariant", output.InvokedProductionVariant],
    ["CustomAttributes", output.CustomAttributes],
    ["HTTP status", output.$metadata.httpStatusCode],
    ["Attempts", output.$metadata.attempts],
    ["Request id", output.$metadata.requestId],
  ];
  return (
    <dl className="pairs" aria-label="Response headers">
      {rows.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd className="mono">{value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}

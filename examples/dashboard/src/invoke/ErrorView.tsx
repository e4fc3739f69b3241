import { errorDetails } from "./errorDetails";

/** A failed call: the error's type as sagefetch raised it, its message and fields. */
export function ErrorView({ error }: { error: unknown }) {
  const details = errorDetails(error);
  return (
    <div className="error-view" role="alert" aria-labelledby="error-name">
      <h3 id="error-name" className="error-name">
        {details.name}
      </h3>
      {details.step && (
        <p className="error-step" data-testid="failed-step">
          <strong>{details.step.name} failed.</strong> {details.step.says}
        </p>
      )}
      <p className="error-message">{details.message}</p>
      <dl className="pairs">
        {details.fields.map(([key, value]) => (
          <div key={key}>
            <dt>{key}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {details.httpStatusCode !== undefined && (
          <div>
            <dt>HTTP status</dt>
            <dd>{details.httpStatusCode}</dd>
          </div>
        )}
        {details.attempts !== undefined && (
          <div>
            <dt>Attempts</dt>
            <dd>{details.attempts}</dd>
          </div>
        )}
        {details.requestId && (
          <div>
            <dt>Request id</dt>
            <dd className="mono">{details.requestId}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}

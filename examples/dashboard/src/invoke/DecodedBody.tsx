import type { Answer } from "./decodeAnswer";
import { useObjectUrl } from "./useObjectUrl";

interface Props {
  answer: Answer;
  contentType: string | undefined;
}

const hex = (bytes: Uint8Array) =>
  Array.from(bytes.slice(0, 48), (b) => b.toString(16).padStart(2, "0")).join(" ");

/**
 * The decoded answer: JSON as a tree of text, text as it is, an image as an image, bytes in
 * hex; a "JSON" answer that does not parse, as it came, saying so.
 */
export function DecodedBody({ answer, contentType }: Props) {
  const data = answer.kind === "decoded" ? answer.value : undefined;
  const bytes = data instanceof Uint8Array ? data : undefined;
  const isImage = Boolean(bytes && contentType?.startsWith("image/"));
  const url = useObjectUrl(isImage ? bytes : undefined, contentType);
  if (bytes) {
    return (
      <div className="decoded">
        <p className="muted">
          {bytes.length.toLocaleString("en")} bytes of {contentType ?? "binary"}
        </p>
        {url ? (
          <img className="thumbnail" src={url} alt={`Response image, ${contentType}`} />
        ) : (
          <pre>
            {hex(bytes)}
            {bytes.length > 48 ? " …" : ""}
          </pre>
        )}
      </div>
    );
  }
  if (answer.kind === "not-json") {
    return (
      <div className="decoded">
        <p className="muted" data-testid="not-json">
          Not valid JSON, though its content type is {contentType}: shown as it came.
        </p>
        <pre>{answer.text}</pre>
      </div>
    );
  }
  const text = typeof data === "string" ? data : JSON.stringify(data, null, 2);
  return <pre className="decoded">{text}</pre>;
}

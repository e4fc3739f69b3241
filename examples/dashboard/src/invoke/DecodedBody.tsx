import { useObjectUrl } from "./useObjectUrl";

interface Props {
  data: unknown;
  contentType: string | undefined;
}

const hex = (bytes: Uint8Array) =>
  Array.from(bytes.slice(0, 48), (b) => b.toString(16).padStart(2, "0")).join(" ");

/** The decoded answer: JSON as a tree of text, text as it is, an image as an image, bytes in hex. */
export function DecodedBody({ data, contentType }: Props) {
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
  const text = typeof data === "string" ? data : JSON.stringify(data, null, 2);
  return <pre className="decoded">{text}</pre>;
}

import type { ImageFile } from "./useInvokeForm";
import { useObjectUrl } from "./useObjectUrl";

interface Props {
  value: ImageFile | undefined;
  onChange(image: ImageFile | undefined): void;
}

/** An image to upload as the body, sent with its own content type (image/png, image/jpeg, …). */
export function ImageField({ value, onChange }: Props) {
  const preview = useObjectUrl(value?.bytes, value?.type);
  return (
    <div className="field">
      <label htmlFor="image">Image</label>
      <input
        id="image"
        type="file"
        accept="image/*"
        aria-describedby="image-hint"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return onChange(undefined);
          const bytes = new Uint8Array(await file.arrayBuffer());
          onChange({ name: file.name, type: file.type, bytes });
        }}
      />
      <p id="image-hint" className="hint">
        {value
          ? `${value.name}: ${value.bytes.length.toLocaleString("en")} bytes, ${value.type || "unknown type"}`
          : "Sent as the body, with the file's content type."}
      </p>
      {preview && <img className="thumbnail" src={preview} alt={`Preview of ${value?.name}`} />}
    </div>
  );
}

/** The kinds of request body the console can send. */
export type BodyKind = "json" | "csv" | "text" | "image";

export const BODY_KINDS: readonly { kind: BodyKind; label: string; contentType: string }[] = [
  { kind: "json", label: "JSON", contentType: "application/json" },
  { kind: "csv", label: "CSV", contentType: "text/csv" },
  { kind: "text", label: "Text", contentType: "text/plain" },
  { kind: "image", label: "Image", contentType: "image/*" },
];

/** The kind a content type belongs to (JSON for what the console has no editor for). */
export function kindOf(contentType: string): BodyKind {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type.startsWith("image/")) return "image";
  if (type === "text/csv") return "csv";
  if (type.startsWith("text/")) return "text";
  return "json";
}

export function contentTypeOf(kind: BodyKind): string {
  return BODY_KINDS.find((k) => k.kind === kind)?.contentType ?? "application/json";
}

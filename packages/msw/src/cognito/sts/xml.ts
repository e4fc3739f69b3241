import { HttpResponse } from "msw";
import { type AnswerContext, serviceHeaders } from "../../internal/awsResponse";

export const STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

/** Text escaped for an XML element or attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** A tree of elements: text leaves, and nested elements in order (undefined ones left out). */
export type XmlNode = string | { [name: string]: XmlNode | undefined };

/** Elements indented by two spaces a level, as STS prints them. */
export function xmlElements(node: { [name: string]: XmlNode | undefined }, depth = 0): string {
  const pad = "  ".repeat(depth);
  let out = "";
  for (const [name, value] of Object.entries(node)) {
    if (value === undefined) continue;
    if (typeof value === "string") {
      out += `${pad}<${name}>${escapeXml(value)}</${name}>\n`;
    } else {
      out += `${pad}<${name}>\n${xmlElements(value, depth + 1)}${pad}</${name}>\n`;
    }
  }
  return out;
}

function xmlResponse(ctx: AnswerContext, status: number, xml: string): Response {
  const headers = serviceHeaders(ctx);
  headers.set("Content-Type", "text/xml");
  return new HttpResponse(xml, { status, headers });
}

/** `<{Action}Response xmlns=…><{Action}Result>…</…><ResponseMetadata><RequestId>…`. */
export function stsResult(
  ctx: AnswerContext,
  action: string,
  result: { [name: string]: XmlNode | undefined },
): Response {
  const body = xmlElements(
    { [`${action}Result`]: result, ResponseMetadata: { RequestId: ctx.requestId } },
    1,
  );
  const xml = `<${action}Response xmlns="${STS_NAMESPACE}">\n${body}</${action}Response>\n`;
  return xmlResponse(ctx, 200, xml);
}

/** STS's error document: `<ErrorResponse><Error><Type>Sender</Type><Code>…`. */
export function stsErrorResponse(
  ctx: AnswerContext,
  error: { status: number; code: string; message: string },
): Response {
  const type = error.status >= 500 ? "Receiver" : "Sender";
  const body = xmlElements(
    { Error: { Type: type, Code: error.code, Message: error.message }, RequestId: ctx.requestId },
    1,
  );
  const xml = `<ErrorResponse xmlns="${STS_NAMESPACE}">\n${body}</ErrorResponse>\n`;
  return xmlResponse(ctx, error.status, xml);
}

import { partitionOf } from "../protocol/partitions";
import { CognitoIdentityServiceException } from "./CognitoIdentityServiceException";
import { type ServiceCall, sendUnsigned } from "./callCognito";

export interface WebIdentityRole {
  roleArn: string;
  roleSessionName: string;
  durationSeconds?: number;
  /** A custom STS endpoint, else `https://sts.{region}.{dnsSuffix}/`. */
  stsEndpoint?: string;
}

// STS answers XML; the four values we need are plain text nodes, so a pattern reads them
// (DOMParser does not exist in workers and edge runtimes).
const tag = (xml: string, name: string) =>
  new RegExp(`<${name}>([^<]*)</${name}>`)
    .exec(xml)?.[1]
    ?.replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");

/** STS AssumeRoleWithWebIdentity (query protocol, unsigned): the basic Cognito flow's second step. */
export async function assumeRoleWithWebIdentity(
  call: ServiceCall,
  role: WebIdentityRole,
  token: string,
  signal: AbortSignal | undefined,
): Promise<{
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}> {
  const form = new URLSearchParams({
    Action: "AssumeRoleWithWebIdentity",
    Version: "2011-06-15",
    RoleArn: role.roleArn,
    RoleSessionName: role.roleSessionName,
    WebIdentityToken: token,
  });
  if (role.durationSeconds) form.set("DurationSeconds", String(role.durationSeconds));
  const url =
    role.stsEndpoint ?? `https://sts.${call.region}.${partitionOf(call.region).dnsSuffix}/`;
  const describe = "STS AssumeRoleWithWebIdentity";
  const xml = await sendUnsigned(
    call,
    {
      describe,
      url,
      init: {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form.toString(),
      },
      parseError: (response, text) =>
        new CognitoIdentityServiceException({
          // The AWS SDK's name for an answer without a code.
          name: tag(text, "Code") ?? "Unknown",
          message: tag(text, "Message") ?? `${describe} answered ${response.status}.`,
          status: response.status,
          requestId: tag(text, "RequestId"),
        }),
    },
    signal,
  );
  const accessKeyId = tag(xml, "AccessKeyId");
  const secretAccessKey = tag(xml, "SecretAccessKey");
  const sessionToken = tag(xml, "SessionToken");
  const expiration = tag(xml, "Expiration");
  if (!accessKeyId || !secretAccessKey || !sessionToken || !expiration) {
    throw new CognitoIdentityServiceException({
      name: "InvalidResponse",
      message: "STS answered without credentials.",
      status: 200,
      requestId: undefined,
    });
  }
  return { accessKeyId, secretAccessKey, sessionToken, expiration: new Date(expiration) };
}

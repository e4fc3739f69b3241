// The smallest signer people reach for: it signs, and leaves the rest to the app.
import { AwsClient } from "aws4fetch";

const aws = new AwsClient({ ...globalThis.creds, service: "sagemaker", region: "us-east-1" });
export const invoke = (name, body) =>
  aws.fetch(`https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/${name}/invocations`, {
    method: "POST",
    body,
  });

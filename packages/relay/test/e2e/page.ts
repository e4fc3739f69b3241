// The page under test, bundled with esbuild and served on its own origin: a front-end app that
// signs in as a Cognito guest and calls SageMaker Runtime with sagefetch, through the relay
// (`relay` set) or directly (not set).
import {
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  SageMakerRuntimeClient,
} from "@sagefetch/core";
import { fromCognitoIdentityPool } from "@sagefetch/core/cognito";

export interface PageCall {
  /** The emulator's URL: the client signs for its host. */
  endpoint: string;
  /** The relay's URL; none to call the emulator directly. */
  relay?: string;
  cognitoUrl: string;
  identityPoolId: string;
  endpointName: string;
  body: string;
}

/** What the test reads back: plain data, as `page.evaluate` returns it. */
export type PageResult =
  | { ok: true; text: string; parts: number; accessKeyId: string; requestId: string | undefined }
  | {
      ok: false;
      name: string;
      message: string;
      status?: number;
      targetOrigin?: string;
      causeName?: string;
    };

function client(call: PageCall) {
  const credentials = fromCognitoIdentityPool({
    identityPoolId: call.identityPoolId,
    endpoint: call.cognitoUrl,
    cache: false,
  });
  let accessKeyId = "";
  const sagemaker = new SageMakerRuntimeClient({
    region: "us-east-1",
    endpoint: call.endpoint,
    relay: call.relay,
    maxAttempts: 1,
    credentials: async () => {
      const value = await credentials();
      accessKeyId = value.accessKeyId;
      return value;
    },
  });
  return { sagemaker, accessKeyId: () => accessKeyId };
}

function failure(error: unknown): PageResult {
  const e = error as Error & {
    targetOrigin?: string;
    $metadata?: { httpStatusCode?: number };
  };
  return {
    ok: false,
    name: e.name,
    message: e.message,
    status: e.$metadata?.httpStatusCode,
    targetOrigin: e.targetOrigin,
    causeName: (e.cause as Error | undefined)?.name,
  };
}

async function invoke(call: PageCall): Promise<PageResult> {
  const { sagemaker, accessKeyId } = client(call);
  try {
    const out = await sagemaker.send(
      new InvokeEndpointCommand({
        EndpointName: call.endpointName,
        Body: call.body,
        ContentType: "application/json",
      }),
    );
    return {
      ok: true,
      text: out.Body.transformToString(),
      parts: 1,
      accessKeyId: accessKeyId(),
      requestId: out.$metadata.requestId,
    };
  } catch (error) {
    return failure(error);
  }
}

async function stream(call: PageCall): Promise<PageResult> {
  const { sagemaker, accessKeyId } = client(call);
  try {
    const out = await sagemaker.send(
      new InvokeEndpointWithResponseStreamCommand({
        EndpointName: call.endpointName,
        Body: call.body,
        ContentType: "application/json",
      }),
    );
    const decoder = new TextDecoder();
    let text = "";
    let parts = 0;
    for await (const event of out.Body) {
      parts++;
      text += decoder.decode(event.PayloadPart?.Bytes, { stream: true });
    }
    return {
      ok: true,
      text,
      parts,
      accessKeyId: accessKeyId(),
      requestId: out.$metadata.requestId,
    };
  } catch (error) {
    return failure(error);
  }
}

declare global {
  interface Window {
    sagefetchE2E: { invoke: typeof invoke; stream: typeof stream };
  }
}

window.sagefetchE2E = { invoke, stream };

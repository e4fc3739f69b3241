import {
  type AwsCredentialIdentity,
  type AwsCredentialIdentityProvider,
  memoizeCredentials,
  signRequest,
} from "@sagefetch/core";
import { sageMakerRuntimeRegion } from "../hosts";
import type { RelayMode } from "../internal/mode";
import { RelayConfigError } from "../RelayConfigError";
import { regionCheck } from "./allowedRegions";
import { notAscii } from "./asciiHeaders";
import { redactAnswer, secretForms } from "./redact";
import {
  type GuardedHeader,
  guardedHeaders,
  type HeaderRule,
  operationHeaders,
} from "./signedHeaders";

/** The signing mode: the relay signs with its own credentials what the app authorizes. */
export interface RelaySigning {
  /**
   * The relay's credentials: a value (a Worker secret, say) or an async provider, called again
   * 5 minutes before the credentials it gave expire. Give them the least they need:
   * `sagemaker:InvokeEndpoint*` on the endpoints the app uses.
   * @example { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY }
   */
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /**
   * Says whether this request may be signed, e.g. by verifying a Cognito User Pool JWT in its
   * `Authorization: Bearer` header. Read headers only: the relay reads the body afterwards.
   * A `false`, or a throw, refuses the call (403 AccessDeniedException). Check here too what
   * your users must not share: `X-Amzn-SageMaker-Session-Id`, and an async call's
   * `X-Amzn-SageMaker-S3OutputPathExtension` and `-Filename` (where its output is written).
   * @example async (request) => (await verifyJwt(request.headers.get("authorization"))) !== undefined
   */
  authorize(request: Request): boolean | Promise<boolean>;
  /**
   * The headers that choose what the endpoint's role reads or what runs —
   * `X-Amzn-SageMaker-InputLocation`, `-Target-Model`, `-Target-Variant`,
   * `-Target-Container-Hostname`, `-Inference-Component` — are refused (403) unless allowed
   * here, by header name (lowercase): a list of the values allowed, or a function given the
   * value and the request (after `authorize` said yes).
   * @default {} (none of them is signed)
   * @example { "x-amzn-sagemaker-target-model": ["model-a.tar.gz", "model-b.tar.gz"] }
   */
  allowHeaders?: { readonly [name in GuardedHeader]?: HeaderRule };
  /**
   * The S3 prefixes an async call's `X-Amzn-SageMaker-InputLocation` may be under
   * (`s3://bucket/` or `s3://bucket/path/`; compared as text, so end a folder with `/`). A
   * location with a `.` or `..` segment, a `%` or a `\` is refused. Without it (or a rule in
   * `allowHeaders`), the relay signs no InputLocation: the endpoint's role would read any
   * object it may read for whoever passes `authorize`.
   * @default [] (no InputLocation is signed)
   * @example ["s3://my-app-uploads/inference-inputs/"]
   */
  inputLocations?: readonly string[];
  /**
   * The relay's own region: the one it signs for by default (see `allowedRegions`), and for
   * an `extraUpstreams` origin, whose host names none. Required unless `allowedRegions` is
   * given.
   * @example "us-east-1"
   */
  region?: string;
  /**
   * The regions whose SageMaker Runtime hosts the relay signs for; a FIPS host only if its
   * region is listed as FIPS (`fips-us-east-1` or `us-east-1-fips`). Any other host is refused
   * (403): the page picks the host, and with it what the relay's credentials are used for.
   * @default [region] (the relay's own region, not its FIPS hosts)
   * @example ["us-east-1", "fips-us-east-1"]
   */
  allowedRegions?: readonly string[];
}

const SIGNING_NAME = "sagemaker";

/** Makes the mode, checking its options at once. */
export function signWithOwnCredentials(
  signing: RelaySigning,
  extraUpstreams: ReadonlyMap<string, string>,
): RelayMode {
  if (typeof signing !== "object" || signing === null) {
    throw new RelayConfigError("signing", "must be an object");
  }
  const { credentials, authorize, region, allowHeaders, inputLocations, allowedRegions } = signing;
  if (credentials === undefined || credentials === null) {
    throw new RelayConfigError("signing.credentials", "is required");
  }
  if (typeof authorize !== "function") {
    throw new RelayConfigError("signing.authorize", "must be a function");
  }
  if (region !== undefined && (typeof region !== "string" || !/^[a-z0-9-]+$/.test(region))) {
    throw new RelayConfigError("signing.region", "must be a region name such as us-east-1");
  }
  if (extraUpstreams.size > 0 && region === undefined) {
    throw new RelayConfigError("signing.region", "is required to sign for extraUpstreams");
  }
  const regionAllowed = regionCheck(region, allowedRegions);
  const guarded = guardedHeaders(allowHeaders, inputLocations);
  const getCredentials = memoizeCredentials(credentials);
  // The secrets behind each request's signature, by the headers it was sent with.
  const secretsSent = new WeakMap<Headers, string[]>();

  return {
    async admit({ request, route }) {
      const regionRefused = regionAllowed(route.host);
      if (regionRefused) return regionRefused;
      let allowed = false;
      try {
        allowed = (await authorize(request)) === true;
      } catch {
        // Fail closed; what the hook threw (a token, a key id) is not for the caller to read.
      }
      if (!allowed) {
        return {
          status: 403,
          code: "AccessDeniedException",
          message: "The relay's authorize hook did not allow this request.",
        };
      }
      // Asked only for a request `authorize` allows. A throw here fails closed (500).
      return notAscii(operationHeaders(request, route.operation)) ?? guarded(request);
    },
    async headers({ request, route, upstream }, body) {
      // The operation's own headers only: the app's `Authorization` (its JWT) stays here, the
      // relay's signature replaces any the page sent, and nothing the page makes up is signed.
      const headers = operationHeaders(request, route.operation);
      let identity: AwsCredentialIdentity;
      try {
        identity = await getCredentials();
      } catch {
        return {
          status: 500,
          code: "InternalFailure",
          message: "The relay could not get its own credentials.",
        };
      }
      const signed = await signRequest("POST", upstream, headers, body, {
        credentials: identity,
        region: sageMakerRuntimeRegion(route.host) ?? (region as string),
        service: SIGNING_NAME,
        date: new Date(),
      });
      const sent = new Headers(signed);
      const signature = /Signature=([0-9a-f]+)/.exec(sent.get("authorization") ?? "")?.[1];
      secretsSent.set(
        sent,
        secretForms([
          identity.accessKeyId,
          identity.secretAccessKey,
          identity.sessionToken,
          signature,
        ]),
      );
      return sent;
    },
    async answer(response, sent) {
      return redactAnswer(response, secretsSent.get(sent) ?? []);
    },
  };
}

import {
  type AwsCredentialIdentity,
  type AwsCredentialIdentityProvider,
  memoizeCredentials,
  signRequest,
} from "@sagefetch/core";
import { readBySageMaker } from "../headers";
import { sageMakerRuntimeRegion } from "../hosts";
import type { RelayMode } from "../internal/mode";
import { RelayConfigError } from "../RelayConfigError";

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
   * A `false`, or a throw, refuses the call (403 AccessDeniedException).
   * @example async (request) => (await verifyJwt(request.headers.get("authorization"))) !== undefined
   */
  authorize(request: Request): boolean | Promise<boolean>;
  /**
   * The region to sign for when the host names none (an `extraUpstreams` origin).
   * @default the region in the SageMaker Runtime host name
   */
  region?: string;
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
  const { credentials, authorize, region } = signing;
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
  const getCredentials = memoizeCredentials(credentials);

  return {
    async admit({ request }) {
      let allowed = false;
      try {
        allowed = (await authorize(request)) === true;
      } catch {
        // Fail closed; what the hook threw (a token, a key id) is not for the caller to read.
      }
      return allowed
        ? undefined
        : {
            status: 403,
            code: "AccessDeniedException",
            message: "The relay's authorize hook did not allow this request.",
          };
    },
    async headers({ request, route, upstream }, body) {
      // Only what SageMaker Runtime reads, less any signature the page sent: the app's own
      // `Authorization` (its JWT) stays here, and the relay's signature replaces the rest.
      const headers: Record<string, string> = {};
      for (const [name, value] of request.headers) {
        if (!readBySageMaker(name) || name.startsWith("x-amz-")) continue;
        headers[name] = value;
      }
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
      return new Headers(signed);
    },
  };
}

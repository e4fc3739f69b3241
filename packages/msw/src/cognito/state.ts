import type { AnswerContext } from "../internal/awsResponse";
import { CognitoFaultQueue } from "./CognitoFaultQueue";
import type { CognitoConfig, ResolvedPool } from "./config";
import { IdentityStore } from "./IdentityStore";
import type { IssuedCredentials } from "./mint";
import { OpenIdTokens } from "./OpenIdTokens";
import type { ServiceRoute } from "./route";
import type { CognitoRequest } from "./types";

/** Everything one Cognito/STS mock keeps between requests. */
export interface CognitoState {
  config: CognitoConfig;
  requests: CognitoRequest[];
  faults: CognitoFaultQueue;
  identities: IdentityStore;
  issued: IssuedCredentials[];
  tokens: OpenIdTokens;
}

export function createCognitoState(config: CognitoConfig): CognitoState {
  return {
    config,
    requests: [],
    faults: new CognitoFaultQueue(),
    identities: new IdentityStore(),
    issued: [],
    tokens: new OpenIdTokens(),
  };
}

/** Clears requests, faults and identities, and revokes every credential issued. */
export function resetCognitoState(state: CognitoState): void {
  state.requests.length = 0;
  state.faults.clear();
  state.identities.clear();
  for (const credentials of state.issued) {
    if (state.config.credentials.get(credentials.accessKeyId) === credentials) {
      state.config.credentials.delete(credentials.accessKeyId);
    }
  }
  state.issued.length = 0;
}

/** What an operation gets once the request is routed and fault-free. */
export interface OperationContext {
  state: CognitoState;
  route: ServiceRoute;
  answer: AnswerContext;
  /** This request's entry in `mock.requests`. */
  entry: CognitoRequest;
}

/** Whether a pool (or identity) of `region` is served where the request went. */
export function servesRegion({ route, state }: OperationContext, region: string): boolean {
  const served = route.hostRegion ?? (route.custom ? state.config.region : undefined);
  return served === undefined || served === region;
}

/** The pool, if it exists in the region the request went to. */
export function findPool(context: OperationContext, id: string): ResolvedPool | undefined {
  const pool = context.state.config.pools.get(id);
  return pool !== undefined && servesRegion(context, pool.region) ? pool : undefined;
}

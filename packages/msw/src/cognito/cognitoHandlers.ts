import { http } from "msw";
import { resolveCognitoConfig } from "./config";
import { handleCognito } from "./handleCognito";
import { matchServiceRoute } from "./route";
import { createCognitoState, resetCognitoState } from "./state";
import { handleSts } from "./sts/handleSts";
import type { CognitoIdentityHandlersOptions, CognitoIdentityMock } from "./types";

/**
 * MSW handlers that behave like Amazon Cognito Identity (GetId, GetCredentialsForIdentity,
 * GetOpenIdToken) and STS (AssumeRoleWithWebIdentity), issuing temporary credentials that the
 * SageMaker mock given as `issueTo` accepts until they expire.
 *
 * @example
 * const sagemaker = sageMakerHandlers({ endpoints: demoEndpoints, now: () => clock });
 * const cognito = cognitoIdentityHandlers({
 *   identityPools: { "us-east-1:00000000-0000-0000-0000-000000000001": { providers: { "accounts.google.com": testLoginValidator } } },
 *   issueTo: sagemaker,
 *   now: () => clock,
 * });
 * const server = setupServer(...cognito.handlers, ...sagemaker.handlers);
 */
export function cognitoIdentityHandlers(
  options: CognitoIdentityHandlersOptions,
): CognitoIdentityMock {
  const config = resolveCognitoConfig(options);
  const state = createCognitoState(config);
  const hosts = { cognito: config.hosts, sts: config.stsHosts };

  const handler = http.all(
    ({ request }) => matchServiceRoute(request, hosts) !== undefined,
    async ({ request }) => {
      const route = matchServiceRoute(request, hosts);
      if (route === undefined) return undefined;
      return route.service === "sts"
        ? handleSts(request, route, state)
        : handleCognito(request, route, state);
    },
  );

  return {
    handlers: [handler],
    requests: state.requests,
    faults: state.faults,
    identities: state.identities,
    credentials: config.credentials,
    issued: state.issued,
    reset: () => resetCognitoState(state),
  };
}

// The Cognito provider alone, as an app that already has its own client would add it.
import { fromCognitoIdentityPool } from "@sagefetch/core/cognito";

export const credentials = fromCognitoIdentityPool({
  identityPoolId: "us-east-1:00000000-0000-0000-0000-000000000000",
});

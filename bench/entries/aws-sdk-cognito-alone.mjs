// The official Cognito provider alone.
import { fromCognitoIdentityPool } from "@aws-sdk/credential-provider-cognito-identity";

export const credentials = fromCognitoIdentityPool({
  identityPoolId: "us-east-1:00000000-0000-0000-0000-000000000000",
  clientConfig: { region: "us-east-1" },
});

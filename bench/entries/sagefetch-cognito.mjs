// An app that invokes with the credentials of a Cognito Identity Pool user.
import { InvokeEndpointCommand, SageMakerRuntimeClient } from "@sagefetch/core";
import { fromCognitoIdentityPool } from "@sagefetch/core/cognito";

const client = new SageMakerRuntimeClient({
  region: "us-east-1",
  credentials: fromCognitoIdentityPool({
    identityPoolId: "us-east-1:00000000-0000-0000-0000-000000000000",
  }),
});
export const invoke = (input) => client.send(new InvokeEndpointCommand(input));

// The same with the official client and the official Cognito provider.
import { InvokeEndpointCommand, SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import { fromCognitoIdentityPool } from "@aws-sdk/credential-provider-cognito-identity";

const client = new SageMakerRuntimeClient({
  region: "us-east-1",
  credentials: fromCognitoIdentityPool({
    identityPoolId: "us-east-1:00000000-0000-0000-0000-000000000000",
    clientConfig: { region: "us-east-1" },
  }),
});
export const invoke = (input) => client.send(new InvokeEndpointCommand(input));

// The AWS SDK's own endpoint rules engine, which the endpoint property test compares with: its
// JavaScript has no declaration beside it, its declaration lives under dist-types.
declare module "@aws-sdk/client-sagemaker-runtime/dist-es/endpoint/endpointResolver.js" {
  export { defaultEndpointResolver } from "@aws-sdk/client-sagemaker-runtime/dist-types/endpoint/endpointResolver";
}

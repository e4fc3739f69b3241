export { createSageMaker, type SageMakerProvider } from "./createSageMaker";
export {
  SageMakerChatTransport,
  type SageMakerChatTransportOptions,
} from "./SageMakerChatTransport";
export { SageMakerProviderError } from "./SageMakerProviderError";
export type {
  SageMakerCallOptions,
  SageMakerContainer,
  SageMakerModelSettings,
  SageMakerProviderSettings,
} from "./settings";

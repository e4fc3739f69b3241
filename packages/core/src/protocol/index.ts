// @sagefetch/core/protocol: the wire protocol of SageMaker Runtime as data (header names per
// operation, field rules and limits, the partition table). Core's commands read it; the relay
// bundles it at build time.

export {
  EXISTING_SESSION_RULE,
  FIELD_RULES,
  type FieldRule,
  INTEGER_RANGES,
  MAX_BODY_BYTES,
  type RuledField,
} from "./fields";
export {
  CUSTOM_ATTRIBUTES,
  INVOKE_ASYNC_INTEGERS,
  INVOKE_ASYNC_REQUEST,
  INVOKE_ASYNC_RESPONSE,
  INVOKE_ENDPOINT_REQUEST,
  INVOKE_ENDPOINT_RESPONSE,
  INVOKE_STREAM_REQUEST,
  INVOKE_STREAM_RESPONSE,
  SESSION_ID,
} from "./headers";
export { OPERATION_PATHS, type OperationName, requestHeaderNames, SDK_HEADERS } from "./operations";
export { dnsSuffixes, PARTITIONS, type Partition, partitionOf } from "./partitions";

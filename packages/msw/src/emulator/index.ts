export { type EmulatorConfigFile, loadConfigFile, optionsFromConfig } from "./config-file";
export { ConfigError, type EndpointSpec, endpointFromSpec } from "./endpoint-spec";
export { applyFaultSpec, FAULT_SPEC_USAGE, FaultSpecError } from "./fault-spec";
export { type Emulator, type EmulatorOptions, startEmulator } from "./server";

export { type EmulatorConfigFile, loadConfigFile, optionsFromConfig } from "./configFile";
export { type ContainerModelOptions, containerModel, pingContainer } from "./containerModel";
export { ConfigError, type EndpointSpec, endpointFromSpec } from "./endpointSpec";
export { applyFaultSpec, FAULT_SPEC_USAGE, FaultSpecError } from "./faultSpec";
export { type Emulator, type EmulatorOptions, startEmulator } from "./server";

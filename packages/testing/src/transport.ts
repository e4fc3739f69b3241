// The transport of the runtime the tests run in: each project's config points `#transport` at
// one of ./transports/ (see `transportAlias` in ./vitestProjects.ts).
export { startTransport } from "#transport";
export type { Transport } from "./transports/transport";

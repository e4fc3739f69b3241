// @sagefetch/relay/node: the relay on Node's http server. The one part of the relay that uses
// Node's own APIs (everything else runs on web-standard APIs alone).
export type { RelayHandler } from "../internal/relayHandler";
export { type NodeListener, toNodeHandler } from "./toNodeHandler";

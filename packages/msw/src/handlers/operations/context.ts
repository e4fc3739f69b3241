import type { AnswerContext } from "../../internal/awsResponse";
import type { ResolvedConfig } from "../config";
import type { MockState } from "../mockState";
import type { Route } from "../route";
import type { OperationName, ReceivedRequest } from "../types";

/** What an operation gets once the request is routed, fault-free and authenticated. */
export interface OperationContext {
  request: Request;
  route: Route & { endpointName: string };
  body: Uint8Array;
  /** Request headers, names in lowercase. */
  headers: Readonly<Record<string, string>>;
  config: ResolvedConfig;
  answer: AnswerContext;
  /** The mock's state: stream settings, sessions, async results, invocation counts. */
  mock: MockState;
  /** This request's entry in `mock.requests`. */
  entry: ReceivedRequest;
  /** The region this request is served in (for ARNs and console links). */
  region: string;
}

export type Operation = (context: OperationContext) => Promise<Response>;

export type OperationTable = Readonly<Record<OperationName, Operation>>;

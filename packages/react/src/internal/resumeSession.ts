import {
  type SageMakerRuntimeClient,
  Session,
  type SessionInfo,
  type SessionOptions,
} from "@sagefetch/core";

type SessionConstructor = new (client: SageMakerRuntimeClient, options: SessionOptions) => Session;

/**
 * A `Session` for a session opened earlier (an id kept across a reload), without a request.
 * Core's `Session` can only be made by `Session.open` (its constructor is private to
 * TypeScript only), so this calls the constructor directly and sets what `open` would set.
 * It belongs in core as `Session.resume`; the tests of the persisted session cover it.
 */
export function resumeSession(
  client: SageMakerRuntimeClient,
  options: SessionOptions,
  info: SessionInfo,
): Session {
  const session = new (Session as unknown as SessionConstructor)(client, options);
  session.id = info.id;
  session.expiresAt = info.expiresAt;
  session.state = "open";
  return session;
}

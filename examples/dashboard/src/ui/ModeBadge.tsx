import type { Settings } from "../settings/settings";

/** "demo" on the mock, or the AWS region the calls go to. */
export function ModeBadge({ settings }: { settings: Settings }) {
  return settings.mode === "demo" ? (
    <span
      className="badge demo"
      title="Demo mode: the mock service in a service worker, no AWS account"
    >
      demo
    </span>
  ) : (
    <span className="badge aws" title="Calls go to your AWS account, through the relay">
      AWS · {settings.region}
    </span>
  );
}

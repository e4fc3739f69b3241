import { RelayConfigError } from "./RelayConfigError";

/** A list of allowed values, or a function that decides (it may be async: a KV lookup, say). */
export type Allowed<T> = readonly T[] | ((value: T) => boolean | Promise<boolean>);

/** Options of `createRelay`. Every one is optional: the defaults forward any signed call. */
export interface RelayOptions {
  /**
   * The origins (`scheme://host[:port]`) whose pages may call through the relay: a list, or a
   * function given the request's `Origin`. With either, a request without `Origin` (not sent
   * by a browser) is refused too.
   * @default any origin, reflected in `Access-Control-Allow-Origin`
   * @example ["https://app.example.com", "http://localhost:5173"]
   */
  allowedOrigins?: Allowed<string>;
  /**
   * The SageMaker endpoint names that may be called: a list, or a function given the name.
   * @default any endpoint
   * @example ["my-llm", "sentiment"]
   */
  allowedEndpoints?: Allowed<string>;
  /**
   * Origins besides SageMaker Runtime's hosts that the relay forwards to, for an emulator or a
   * test double. Each is an exact origin; the relay connects with its scheme. A client with
   * `endpoint: "http://127.0.0.1:8080"` and `relay` set signs for `127.0.0.1:8080`, and the
   * relay forwards to it only if it is listed here.
   * @default []
   * @example ["http://127.0.0.1:8080"]
   */
  extraUpstreams?: readonly string[];
  /**
   * The fetch that calls SageMaker Runtime. Looked up on `globalThis` at each request when not
   * given, so that mocks and instrumentation installed later still apply.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch;
}

/** The options, checked and in the shape the handler uses. */
export interface ResolvedOptions {
  /**
   * Whether a request with this `Origin` (null: none) may use the relay. When a list or
   * function restricts origins, a missing `Origin` is refused.
   */
  originAllowed(origin: string | null): Promise<boolean>;
  /** Whether the endpoint may be called. */
  endpointAllowed(name: string): Promise<boolean>;
  /** `extraUpstreams` by host (`127.0.0.1:8080` → `http://127.0.0.1:8080`). */
  extraUpstreams: ReadonlyMap<string, string>;
  fetch: () => typeof fetch;
}

/** Checks the options once, when the relay is made: a mistake fails at deploy, not per call. */
export function resolveOptions(options: RelayOptions = {}): ResolvedOptions {
  if (typeof options !== "object" || options === null) {
    throw new RelayConfigError("options", "must be an object");
  }
  const origins = allowedBy(options.allowedOrigins, "allowedOrigins", (value, field) => {
    const origin = parseUrl(value, field).origin;
    // `null` is the origin of opaque URLs (data:, file:): it would match sandboxed pages.
    if (origin === "null") throw new RelayConfigError(field, "must be an http(s) origin");
    return origin;
  });
  const endpoints = allowedBy(options.allowedEndpoints, "allowedEndpoints", (value) => value);
  const fetchOption = options.fetch;
  if (fetchOption !== undefined && typeof fetchOption !== "function") {
    throw new RelayConfigError("fetch", "must be a function");
  }
  return {
    originAllowed: async (origin) => {
      if (origins === undefined) return true;
      return origin !== null && origins(origin);
    },
    endpointAllowed: async (name) => endpoints === undefined || endpoints(name),
    extraUpstreams: upstreams(options.extraUpstreams),
    fetch: () => fetchOption ?? globalThis.fetch,
  };
}

/** A list or function, as one async predicate; undefined when nothing is restricted. */
function allowedBy(
  allowed: Allowed<string> | undefined,
  field: string,
  normalize: (value: string, field: string) => string,
): ((value: string) => Promise<boolean>) | undefined {
  if (allowed === undefined) return undefined;
  if (typeof allowed === "function") return async (value) => (await allowed(value)) === true;
  if (!Array.isArray(allowed)) {
    throw new RelayConfigError(field, "must be an array of strings or a function");
  }
  const set = new Set(
    allowed.map((value: unknown, i) => {
      if (typeof value !== "string")
        throw new RelayConfigError(`${field}[${i}]`, "must be a string");
      return normalize(value, `${field}[${i}]`);
    }),
  );
  return async (value) => set.has(value);
}

function upstreams(list: readonly string[] | undefined): Map<string, string> {
  const byHost = new Map<string, string>();
  if (list === undefined) return byHost;
  if (!Array.isArray(list)) throw new RelayConfigError("extraUpstreams", "must be an array");
  list.forEach((value: unknown, i) => {
    const field = `extraUpstreams[${i}]`;
    if (typeof value !== "string") throw new RelayConfigError(field, "must be a string");
    const url = parseUrl(value, field);
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new RelayConfigError(field, "must be an http: or https: origin");
    }
    if (url.username || url.password || url.pathname !== "/" || url.search || url.hash) {
      throw new RelayConfigError(field, "must be an origin alone (scheme://host[:port])");
    }
    byHost.set(url.host, url.origin);
  });
  return byHost;
}

function parseUrl(value: string, field: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new RelayConfigError(field, "is not a URL");
  }
}

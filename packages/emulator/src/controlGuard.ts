import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

export interface ControlGuardOptions {
  /** The address the server listens on (`--host`). */
  boundHost: string;
  /** When set, every control API call must carry `Authorization: Bearer <token>`. */
  token: string | undefined;
}

export interface Refusal {
  status: number;
  message: string;
}

/** Why a control API request is refused, or undefined when it may go on. */
export type ControlGuard = (method: string, headers: IncomingHttpHeaders) => Refusal | undefined;

/**
 * Decides whether a request may use the control API. A web page must not: a cross-site "simple"
 * POST needs no preflight, and DNS rebinding lets a page reach loopback under its own host name.
 * So the `Host` must name loopback (or the non-loopback address the server was bound to on
 * purpose), an `Origin` must be the emulator's own, a POST must be JSON (which a page cannot send
 * cross-origin without a preflight, and preflights are not answered here), and the token, when
 * one is set, must match.
 */
export function controlGuard(options: ControlGuardOptions): ControlGuard {
  const acceptsAnyHost = isWildcard(options.boundHost);
  const bound = hostname(options.boundHost);
  const token = options.token === undefined ? undefined : digest(options.token);
  return (method, headers) => {
    const host = headers.host;
    const name = host === undefined ? undefined : hostname(host);
    if (name === undefined || !(acceptsAnyHost || isLoopback(name) || name === bound)) {
      return { status: 403, message: "the control API answers only on loopback host names" };
    }
    const origin = headers.origin;
    const site = headers["sec-fetch-site"];
    if (
      (origin !== undefined && origin !== `http://${host}`) ||
      (site && !/^(same-origin|none)$/.test(site))
    ) {
      return { status: 403, message: "the control API refuses calls from web pages" };
    }
    if (token !== undefined && !matches(token, bearer(headers.authorization))) {
      return { status: 401, message: "the control API needs Authorization: Bearer <token>" };
    }
    if (method === "POST" && !isJson(headers["content-type"])) {
      return { status: 415, message: "send the control API JSON (Content-Type: application/json)" };
    }
    return undefined;
  };
}

function isWildcard(host: string): boolean {
  return host === "" || host === "0.0.0.0" || host === "::" || host === "[::]";
}

function isLoopback(name: string): boolean {
  return name === "localhost" || name === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** The host name of a `Host` header value or a bound address, lowercase, IPv6 in brackets. */
function hostname(host: string): string | undefined {
  const bracketed = host.includes(":") && !host.startsWith("[") && host.split(":").length > 2;
  try {
    return new URL(`http://${bracketed ? `[${host}]` : host}`).hostname;
  } catch {
    return undefined;
  }
}

function isJson(contentType: string | undefined): boolean {
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  return type === "application/json";
}

function bearer(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1];
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/** Compared as digests in constant time, so that timing tells nothing about the token. */
function matches(expected: Buffer, given: string | undefined): boolean {
  return given !== undefined && timingSafeEqual(expected, digest(given));
}

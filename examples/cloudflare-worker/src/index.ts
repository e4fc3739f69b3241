import { createRelay } from "@sagefetch/relay";
import { handleChat } from "./chat";
import { corsHeaders, preflight } from "./cors";
import { type Env, type ExecutionContext, listOf } from "./env";

/** Where the relay is mounted: `/relay/{host}/endpoints/{name}/{operation}`. */
const RELAY_PREFIX = "/relay/";

type Relay = (request: Request) => Promise<Response>;
// One relay per set of bindings (they are the same for every request of a deployment).
const relays = new WeakMap<Env, Relay>();

function relayFor(env: Env): Relay {
  let relay = relays.get(env);
  if (relay === undefined) {
    const origins = listOf(env.ALLOWED_ORIGINS);
    const endpoints = listOf(env.RELAY_ENDPOINTS);
    relay = createRelay({
      // Unset or `*`: any page may relay calls it signed itself (the relay holds no secret).
      allowedOrigins: origins.length === 0 || origins.includes("*") ? undefined : origins,
      allowedEndpoints: endpoints.length === 0 ? undefined : endpoints,
      extraUpstreams: listOf(env.RELAY_EXTRA_UPSTREAMS),
    });
    relays.set(env, relay);
  }
  return relay;
}

async function chat(request: Request, env: Env): Promise<Response> {
  const cors = corsHeaders(request, listOf(env.ALLOWED_ORIGINS));
  if (cors === undefined) {
    const error = { name: "Forbidden", message: "This origin may not call /api/chat." };
    return Response.json({ error }, { status: 403 });
  }
  if (request.method === "OPTIONS") return preflight(cors);
  const response = await handleChat(request, env);
  for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
  return response;
}

export default {
  /**
   * `/api/chat`: the Worker's own call to a chat endpoint, streamed back as the AI SDK's UI
   * message stream for `useChat`. `/relay/…`: browser-signed calls forwarded to SageMaker
   * Runtime, with CORS.
   */
  async fetch(request: Request, env: Env, _ctx: ExecutionContext): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === "/api/chat") return chat(request, env);
    if (pathname.startsWith(RELAY_PREFIX)) return relayFor(env)(request);
    const error = { name: "NotFound", message: `Nothing at ${pathname}: try POST /api/chat.` };
    return Response.json({ error }, { status: 404 });
  },
};

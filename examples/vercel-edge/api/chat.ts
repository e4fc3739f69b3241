import { handleChat } from "../lib/chat";
import { corsHeaders, preflight } from "../lib/cors";
import { listOf, readEnv } from "../lib/env";

export const config = { runtime: "edge" };

/**
 * `POST /api/chat` (`{ prompt }` or `{ messages }`, and `sessionId`): the function invokes a
 * streaming endpoint with its own credentials and re-streams the tokens as server-sent events.
 */
export default async function chat(request: Request): Promise<Response> {
  const env = readEnv();
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

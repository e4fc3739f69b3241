import { handleChat } from "../lib/chat";
import { corsHeaders, preflight } from "../lib/cors";
import { listOf, readEnv } from "../lib/env";

export const config = { runtime: "edge" };

/**
 * `POST /api/chat` for a stock `useChat` page (`{ messages }`, and an optional `sessionId`): the
 * function calls a chat endpoint with its own credentials through `@sagefetch/ai` and streams
 * the answer back as the AI SDK's UI message stream.
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

// The README's main command: sagefetch invoking endpoints of the embedded mock service (MSW),
// which verifies every SigV4 signature. No AWS account, no network.
import {
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  readTokens,
  SageMakerRuntimeClient,
  Session,
} from "@sagefetch/core";
import { demoCredentials, demoEndpoints, modelError, sageMakerHandlers } from "@sagefetch/msw";
import { setupServer } from "msw/node";

const mock = sageMakerHandlers({
  stream: { delayMs: 40 }, // tokens arrive one by one, as from a real model
  endpoints: {
    chat: demoEndpoints.chat,
    sentiment: (request) => {
      const { inputs } = request.json();
      const positive = /love|great|good/i.test(inputs);
      return {
        body: [{ label: positive ? "POSITIVE" : "NEGATIVE", score: positive ? 0.998 : 0.91 }],
      };
    },
    tabular: (request) => ({
      body: request
        .text()
        .trim()
        .split("\n")
        .map((row) => (row.split(",").reduce((sum, x) => sum + Number(x), 0) > 10 ? "1" : "0"))
        .join("\n"),
      contentType: "text/csv",
    }),
    broken: () => {
      throw modelError(500, "CUDA out of memory");
    },
  },
});
const server = setupServer(...mock.handlers);
server.listen({ onUnhandledFrame: "error" });

const client = new SageMakerRuntimeClient({ region: "us-east-1", credentials: demoCredentials });
const dim = (text) => `\x1b[2m${text}\x1b[0m`;
const lastRequest = () => mock.requests.at(-1);

console.log(
  "sagefetch demo: SageMaker Runtime on the embedded mock (MSW), no AWS account needed\n",
);

async function show(title, input) {
  console.log(`→ ${title}`);
  try {
    const out = await client.send(new InvokeEndpointCommand(input));
    console.log(
      `  ← ${out.$metadata.httpStatusCode} ${out.ContentType}: ${out.Body.transformToString().replaceAll("\n", " | ")}`,
    );
    console.log(
      dim(
        `    variant ${out.InvokedProductionVariant}, request id ${out.$metadata.requestId}, attempts ${out.$metadata.attempts}, signature verified for ${lastRequest()?.accessKeyId}`,
      ),
    );
  } catch (error) {
    const detail = error.OriginalStatusCode
      ? ` (the container answered ${error.OriginalStatusCode}: "${error.OriginalMessage}")`
      : "";
    const field = error.field ? ` [field ${error.field}, rule ${error.rule}, nothing sent]` : "";
    const status = error.$metadata?.httpStatusCode ? ` ${error.$metadata.httpStatusCode}` : "";
    console.log(`  ✗ ${error.name}${status}: ${error.message}${detail}${field}`);
  }
}

await show("InvokeEndpoint sentiment, JSON", {
  EndpointName: "sentiment",
  Body: JSON.stringify({ inputs: "I love this product" }),
  ContentType: "application/json",
});
await show("InvokeEndpoint tabular, CSV rows", {
  EndpointName: "tabular",
  Body: "1,2,3\n9,9,9\n",
  ContentType: "text/csv",
});

mock.faults.statusSequence([503]);
await show("The service answers 503 once: the client retries", {
  EndpointName: "sentiment",
  Body: JSON.stringify({ inputs: "works great" }),
  ContentType: "application/json",
});
await show("A failing model", { EndpointName: "broken", Body: "{}" });
await show("An endpoint that does not exist", { EndpointName: "nope", Body: "{}" });
await show("Bad input, caught before anything is sent", {
  EndpointName: "sentiment",
  Body: "{}",
  CustomAttributes: "trace\r\nX-Injected: 1",
});

console.log("→ InvokeEndpointWithResponseStream chat, tokens printed as they arrive");
const { Body } = await client.send(
  new InvokeEndpointWithResponseStreamCommand({
    EndpointName: "chat",
    Body: JSON.stringify({ inputs: "What is SageMaker?" }),
    ContentType: "application/json",
  }),
);
process.stdout.write("  ← ");
for await (const token of readTokens(Body)) process.stdout.write(token);
console.log();

console.log("→ A stateful session on chat: open, two turns, close");
const session = await Session.open(client, { EndpointName: "chat" });
console.log(dim(`    session ${session.id}, expires ${session.expiresAt?.toISOString()}`));
for (const inputs of ["My name is Ada.", "What did I say?"]) {
  const out = await session.invoke({
    Body: JSON.stringify({ inputs }),
    ContentType: "application/json",
  });
  console.log(`  ← ${JSON.parse(out.Body.transformToString())[0].generated_text}`);
}
await session.close();
console.log(dim(`    session ${session.state}`));

server.close();
console.log(
  `\n${mock.requests.length} requests reached the mock; every one was SigV4-verified before its model ran.`,
);

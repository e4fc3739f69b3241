// The server side of bench/emulator.mjs, in its own process (its own core): the emulator
// with signature verification on or off, or a bare node:http server answering the same echo
// (the load generator's ceiling). Prints one JSON line, { url, verifying }, then answers
// "reset" messages (the emulator's request log is cleared between runs) until disconnected.
import { createServer } from "node:http";
import { startEmulator } from "@sagefetch/emulator";

const mode = process.argv[2];

async function plain() {
  const server = createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      response
        .writeHead(200, {
          "content-type": request.headers["content-type"] ?? "application/json",
          "x-amzn-requestid": "b6f2c1d4-0000-0000-0000-000000000000",
          "x-amzn-invoked-production-variant": "AllTraffic",
        })
        .end(Buffer.concat(chunks));
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

const server =
  mode === "plain"
    ? await plain()
    : await startEmulator({ port: 0, verifySignatures: mode === "on" });

// Whether signatures are checked, seen from outside: an unsigned request is refused or not.
const unsigned = await fetch(`${server.url}/endpoints/echo/invocations`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: "{}",
});
await unsigned.arrayBuffer();
process.stdout.write(
  `${JSON.stringify({ url: server.url, verifying: unsigned.status === 403 })}\n`,
);

process.on("message", (message) => {
  if (message === "reset") server.mock?.reset();
  process.send?.("ok");
});
process.on("disconnect", () => {
  server.close();
  process.exit(0);
});

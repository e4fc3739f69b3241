// What InvokeEndpoint (and the overrides) make of the outputs a model may give.
import { afterEach, describe, expect, it } from "vitest";
import {
  type ModelRequest,
  modelStreamError,
  sageMakerHandlers,
  sageMakerResponse,
} from "../index";
import { invoke, TEST_DATE } from "../internal/testing/invoke";
import { serveMock } from "../internal/testing/serveMock";

const seen: ModelRequest[] = [];
const mock = sageMakerHandlers({
  now: () => TEST_DATE.getTime(),
  endpoints: {
    streamed: (request) => {
      seen.push(request);
      return {
        stream: (async function* () {
          yield "Hello, ";
          yield new TextEncoder().encode("world");
        })(),
        contentType: "text/plain",
        customAttributes: "a=1",
      };
    },
    "fails-midway": () => ({
      stream: (async function* () {
        yield "partial";
        throw modelStreamError("Overloaded", "the model gave up");
      })(),
    }),
  },
});
const server = serveMock(mock);
afterEach(() => {
  seen.length = 0;
});

describe("model outputs on InvokeEndpoint", () => {
  it("joins a streaming model's chunks into the body", async () => {
    const response = await invoke("streamed");
    expect(await response.text()).toBe("Hello, world");
    expect(response.headers.get("content-type")).toBe("text/plain");
    expect(response.headers.get("x-amzn-sagemaker-custom-attributes")).toBe("a=1");
  });

  it("answers 424 ModelError when the stream fails before its end", async () => {
    const response = await invoke("fails-midway");
    expect(response.status).toBe(424);
    expect((await response.json()).OriginalMessage).toBe("the model gave up");
  });

  it("tells the model its operation and how many calls its endpoint has had", async () => {
    await invoke("streamed");
    await invoke("streamed");
    expect(seen.map((r) => [r.operation, r.invocation])).toEqual([
      ["InvokeEndpoint", 1],
      ["InvokeEndpoint", 2],
    ]);
    mock.reset();
    await invoke("streamed");
    expect(seen[2]?.invocation).toBe(1);
  });

  it("sageMakerResponse joins a stream output too", async () => {
    server.use(sageMakerResponse({ stream: ["a", "b", "c"], contentType: "text/plain" }));
    expect(await (await invoke("anything")).text()).toBe("abc");
    expect(await (await invoke("anything")).text()).toBe("abc");
  });
});

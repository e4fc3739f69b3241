// The scenario the framework examples (Vue, Solid and Svelte Query) share: the same app written
// once per framework, so the same four behaviours in Chromium against the MSW mock. Each example's
// test calls it with its own mount and its own demo pieces; the apps' sources stay standalone.
import { InvokeEndpointCommand, type SageMakerRuntimeClient } from "@sagefetch/core";
import type { SageMakerMock } from "@sagefetch/msw";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { page } from "vitest/browser";

/** What the app takes: the example's client and how long its slow model waits. */
export interface QueryExampleProps {
  client: SageMakerRuntimeClient;
  slowMs?: number;
}

export interface QueryExample {
  /** The framework, as the suite is named after it ("Vue Query"). */
  framework: string;
  /** Mounts the app into `root` with a fresh QueryClient, as main.ts does; returns its unmount. */
  mount(root: HTMLElement, props: QueryExampleProps): () => void | Promise<void>;
  /** The example's own src/mock.ts, src/sagemaker.ts. */
  startDemoMock(): Promise<{ mock: SageMakerMock; stop(): void }>;
  demoClient(): SageMakerRuntimeClient;
  chatInput(prompt: string): ConstructorParameters<typeof InvokeEndpointCommand>[0];
}

export function describeQueryExample(example: QueryExample): void {
  const { demoClient } = example;
  let demo: Awaited<ReturnType<QueryExample["startDemoMock"]>>;
  let unmount: (() => void | Promise<void>) | undefined;
  beforeAll(async () => {
    demo = await example.startDemoMock();
  });
  afterEach(async () => {
    await unmount?.();
    unmount = undefined;
    document.body.replaceChildren();
    demo.mock.reset();
  });
  // Not awaited: stopping waits out the call the abort test left held in the page's mock (an abort
  // does not reach MSW's service worker), which nothing waits for.
  afterAll(() => {
    void demo.stop();
  });

  function show(slowMs?: number): void {
    const root = document.createElement("div");
    document.body.append(root);
    unmount = example.mount(root, { client: demoClient(), slowMs });
  }

  describe(`${example.framework} in Chromium, against the MSW mock`, () => {
    it("a query: the sentiment of the text on screen, refetched as it changes", async () => {
      show();
      await expect.element(page.getByTestId("sentiment")).toHaveTextContent("POSITIVE");
      expect(Number(page.getByTestId("score").element().textContent)).toBeGreaterThan(0.5);
      await page.getByLabelText("Text").fill("this is bad and slow");
      await expect.element(page.getByTestId("sentiment")).toHaveTextContent("NEGATIVE");
      expect(demo.mock.requests.map((r) => r.endpointName)).toEqual(["sentiment", "sentiment"]);
    });

    it("a mutation: aborted while it waits", async () => {
      // The mock holds the call 30 s (then the model takes 3 s more): the abort comes long before,
      // however loaded the machine.
      demo.mock.faults.delay(30_000);
      show();
      const slow = page.getByTestId("slow");
      await expect.element(slow).toHaveTextContent("idle");
      await page.getByRole("button", { name: "Ask the slow model" }).click();
      await expect.element(slow).toHaveTextContent("waiting…");
      await page.getByRole("button", { name: "Abort" }).click();
      await expect.element(slow).toHaveTextContent("AbortError");
      await expect.element(page.getByRole("button", { name: "Abort" })).toBeDisabled();
    });

    it("a mutation not aborted is answered", async () => {
      show(50);
      await page.getByRole("button", { name: "Ask the slow model" }).click();
      await expect.element(page.getByTestId("slow")).toHaveTextContent("answered after 50 ms");
    });

    it("a streamed answer: the text grows token by token to the model's whole reply", async () => {
      show();
      const prompt = "Tell me about streams";
      const { Body } = await demoClient().send(
        new InvokeEndpointCommand(example.chatInput(prompt)),
      );
      const [{ generated_text: reply }] = JSON.parse(Body.transformToString());
      const answer = page.getByTestId("answer").element();
      const seen: string[] = [];
      new MutationObserver(() => seen.push(answer.textContent ?? "")).observe(answer, {
        childList: true,
        characterData: true,
        subtree: true,
      });
      await page.getByLabelText("Prompt").fill(prompt);
      await page.getByRole("button", { name: "Stream the answer" }).click();
      await expect.element(page.getByTestId("answer-status")).toHaveTextContent("done");
      expect(answer.textContent).toBe(reply);
      // Rendered while it grew: a part of the reply before the whole of it.
      const partial = seen.filter((text) => text !== "" && text !== reply);
      expect(partial.length).toBeGreaterThan(0);
      for (const text of partial) expect(reply.startsWith(text)).toBe(true);
    });
  });
}

// The dashboard as a person meets it: built with Vite, served by Vite's preview server, driven
// in Debian's Chromium with playwright-core. Demo mode: the mock runs in a service worker.
import type { Browser, Page, Route } from "playwright-core";
import type { PreviewServer } from "vite";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { lowContrastText, scrollsSideways, tabTo, unlabelledControls } from "./harness/a11y";
import { buildIfStale, startPreview } from "./harness/app";
import { POOL_ID, REGION, RELAY_URL, routeAwsToMocks } from "./harness/awsDoubles";
import {
  answerEnded,
  answers,
  answerText,
  fact,
  openChat,
  recordAnswers,
  seenAnswers,
  sendMessage,
} from "./harness/chat";
import { chromiumAvailable, launchChromium } from "./harness/chromium";
import {
  contentType,
  type Dashboard,
  invoke,
  openDashboard,
  PHONE,
  screenshot,
  shown,
} from "./harness/dashboard";

// A 24×24 blue PNG, as a user would upload.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAABgAAAAYCAIAAABvFaqvAAAAH0lEQVR4nGOQ9btBFcQwatCoQaMGjRo0atCoQQNvEADMs9bftY+40QAAAABJRU5ErkJggg==",
  "base64",
);

describe.skipIf(!chromiumAvailable())("dashboard in Chromium", () => {
  let server: PreviewServer;
  let browser: Browser;
  let url: string;
  let dashboard: Dashboard | undefined;

  beforeAll(async () => {
    [, browser] = await Promise.all([
      buildIfStale().then(async () => ({ url, server } = await startPreview())),
      launchChromium(),
    ]);
  });
  afterEach(async () => {
    await dashboard?.close();
    dashboard = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (viewport?: typeof PHONE) => {
    dashboard = await openDashboard(browser, url, viewport);
    return dashboard;
  };
  const result = (page: Page) => page.locator("section.result");
  /** Saves the settings of an account reached through Cognito and the relay. */
  const switchToAccount = async (page: Page) => {
    await page.getByRole("button", { name: "Settings" }).click();
    const dialog = page.getByRole("dialog", { name: "Settings" });
    await dialog.getByLabel("My AWS account").check();
    await dialog.getByLabel("Region").fill(REGION);
    await dialog.getByLabel("Cognito Identity Pool id").fill(POOL_ID);
    await dialog.getByLabel("Relay URL").fill(RELAY_URL);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => shown(page.locator(".badge"))).toBe(`AWS · ${REGION}`);
  };

  it("says it is in demo mode and invokes every demo endpoint", async () => {
    const d = await open();
    const { page } = d;
    expect(await shown(page.locator(".badge"))).toBe("demo");
    // An icon of its own that loads, so the browser never asks for a /favicon.ico that is not there.
    const href = await page.locator('head link[rel="icon"]').getAttribute("href");
    const icon = await page.request.get(new URL(href ?? "/favicon.ico", url).href);
    expect([icon.status(), icon.headers()["content-type"]]).toEqual([200, "image/svg+xml"]);

    let out = await invoke(d, { endpoint: "echo" });
    await expect.poll(() => shown(out)).toContain('"inputs": "Hello, SageMaker"');
    const headers = await shown(page.getByLabel("Response headers"));
    expect(headers).toMatch(/InvokedProductionVariant\s+AllTraffic/);
    expect(headers).toMatch(/CustomAttributes\s+trace=dashboard/);
    expect(headers).toMatch(/ContentType\s+application\/json/);

    out = await invoke(d, { endpoint: "chat" });
    await expect.poll(() => shown(out)).toContain('"generated_text": "Turn 1: you said');

    out = await invoke(d, { endpoint: "tabular" });
    await expect.poll(() => shown(out)).toContain("0.880797\n0.119203");

    out = await invoke(d, { endpoint: "slow", customAttributes: "delay-ms=300" });
    await expect.poll(() => shown(out)).toContain('"waitedMs": 300');

    // flaky fails its first call (see the ModelError test) and answers its second.
    await invoke(d, { endpoint: "flaky" });
    out = await invoke(d, { endpoint: "flaky" });
    await expect.poll(() => shown(out)).toContain('"ok": true');

    out = await invoke(d, { endpoint: "sentiment" });
    await expect.poll(() => shown(out)).toMatch(/POSITIVE[\s\S]*NEGATIVE/);
    expect(await d.calls()).toBe(7);
    await screenshot(page, "invoke");
  });

  it("shows a JSON answer that does not parse as it came, not as an error", async () => {
    const d = await open();
    // echo answers with the body and content type it was sent: JSON that is cut short.
    const out = await invoke(d, { endpoint: "echo", body: '{"inputs": "cut sho' });
    await out.getByTestId("not-json").waitFor();
    expect(await shown(out)).toContain('{"inputs": "cut sho');
    expect(await out.getByRole("alert").count()).toBe(0);
    expect(await shown(d.page.locator(".history-item .tag.ok"))).toBe("ok");
    await screenshot(d.page, "not-json");
  });

  it("shows a ModelError with the container's status and message", async () => {
    const d = await open();
    const out = await invoke(d, { endpoint: "flaky" });
    const alert = out.getByRole("alert");
    await alert.waitFor();
    const text = await shown(alert);
    expect(text).toContain("ModelError");
    expect(text).toMatch(/OriginalStatusCode\s+503/);
    expect(text).toContain("Simulated failure on call 1");
    expect(text).toMatch(/HTTP status\s+424/);
    await screenshot(d.page, "model-error");

    // A model refusing the input is typed the same way (sentiment wants {"inputs": …}).
    await invoke(d, { endpoint: "sentiment", body: '{"text": 1}' });
    await expect.poll(() => shown(alert)).toMatch(/OriginalStatusCode\s+400/);
    const history = await d.page.locator(".history-item .tag.bad").allInnerTexts();
    expect(history).toEqual(["ModelError", "ModelError"]);
  });

  it("switches content types: JSON, CSV, text and an image upload", async () => {
    const d = await open();
    const { page } = d;
    const body = page.getByLabel(/^Body/);

    await contentType(page, "CSV").check();
    expect(await body.inputValue()).toBe("1,2,3\n4,5,6");
    let out = await invoke(d, { endpoint: "echo", kind: "CSV" });
    await expect.poll(() => shown(out)).toMatch(/ContentType\s+text\/csv/);

    await contentType(page, "Text").check();
    expect(await page.getByText("Body (text/plain)").count()).toBe(1);
    out = await invoke(d, { endpoint: "echo", kind: "Text", body: "plain words" });
    await expect.poll(() => shown(out)).toMatch(/^plain words$/m);

    await contentType(page, "Image").check();
    expect(await body.count()).toBe(0);
    await page.getByLabel("Image", { exact: true }).setInputFiles({
      name: "square.png",
      mimeType: "image/png",
      buffer: PNG,
    });
    await page.getByText("square.png: 88 bytes, image/png").waitFor();
    out = await invoke(d, { endpoint: "echo", kind: "Image" });
    await out.getByRole("img", { name: "Response image, image/png" }).waitFor();
    expect(await shown(out)).toContain("88 bytes of image/png");

    await contentType(page, "JSON").check();
    expect(JSON.parse(await body.inputValue())).toEqual({ inputs: "Hello, SageMaker" });
  });

  it("streams a chat answer token by token with useChat, keeping the history", async () => {
    const d = await open();
    const { page } = d;
    await openChat(page);
    expect(await shown(page.locator("#chat-heading"))).toBe("Chat with vllm (vllm)");
    await recordAnswers(page);

    const first = await sendMessage(page, "My name is Ada");
    expect(await answerText(first)).toBe('Turn 1: you said "My name is Ada".');
    expect(await first.getAttribute("data-status")).toBe("success");
    // While the stream ran, the answer grew through several prefixes of the final text.
    const final = await answerText(first);
    const partial = (await seenAnswers(page)).filter(
      (s) => s.status === "streaming" && s.text.length > 0,
    );
    expect(partial.every((s) => final.startsWith(s.text))).toBe(true);
    expect(partial.filter((s) => s.text.length < final.length).length).toBeGreaterThan(1);
    // Usage and time to first token, per answer.
    expect(await fact(first, "ttft")).toMatch(/^\d+ ms to first token$/);
    expect(await fact(first, "usage")).toBe("4 tokens in, 8 out");
    expect(await shown(first.locator(".who"))).toBe("vllm");

    // The whole conversation goes with the next message: the model counts the turns.
    const second = await sendMessage(page, "Who am I?");
    expect(await answerText(second)).toBe('Turn 2: you said "Who am I?".');
    expect(await fact(second, "usage")).toMatch(/^\d+ tokens in, 7 out$/);
    await expect.poll(() => shown(page.getByTestId("ttft"))).toMatch(/^\d+ ms$/);
    // A whole stream's duration is no invoke latency: the percentiles wait for an invoke.
    expect(await shown(page.getByTestId("p50"))).toBe("—");
    expect(await page.locator(".history-item .tag", { hasText: "stream" }).count()).toBe(2);
    await screenshot(page, "chat");

    // A chat answer in the history sends its message again, in the conversation.
    await page.getByRole("button", { name: "Replay call 1 to vllm" }).click();
    const third = await answerEnded(page, 3);
    expect(await answerText(third)).toBe('Turn 3: you said "My name is Ada".');
    await d.waitForCalls(3);
  });

  it("stops an answer midway, and regenerates it", async () => {
    const d = await open();
    const { page } = d;
    await openChat(page);
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");
    await page.getByLabel("Message", { exact: true }).fill(long);
    await page.getByRole("button", { name: "Send message" }).click();
    const answer = answers(page).first();
    await page.waitForFunction(
      () =>
        (document.querySelector('li.message.assistant[data-status="streaming"] .answer')
          ?.textContent?.length ?? 0) > 20,
    );
    await screenshot(page, "chat-streaming");
    await page.getByRole("button", { name: "Stop" }).click();
    await expect.poll(() => answer.getAttribute("data-status")).toBe("stopped");
    const cut = await answerText(answer);
    const whole = `Turn 1: you said "${long}".`;
    expect(whole.startsWith(cut) && cut.length < whole.length).toBe(true);
    expect(await fact(answer, "stopped")).toBe("stopped");
    await d.waitForCalls(1);
    expect(await shown(page.locator(".history-item .tag.bad"))).toBe("aborted");

    // Regenerate asks again for the last answer, in its place.
    await page.getByRole("button", { name: "Regenerate" }).click();
    const again = await answerEnded(page, 1);
    expect(await answers(page).count()).toBe(1);
    expect(await answerText(again)).toBe(whole);
    expect(await again.getAttribute("data-status")).toBe("success");
    await d.waitForCalls(2);
  });

  it("answers from every container family, and shows LMI's in-band error", async () => {
    const d = await open();
    const { page } = d;
    for (const [turn, family] of ["tgi", "tgi-messages", "lmi", "lmi-messages", "vllm"].entries()) {
      await openChat(page, family);
      expect(await shown(page.locator("#chat-heading"))).toBe(`Chat with ${family} (${family})`);
      const answer = await sendMessage(page, `Hello ${family}`);
      expect(await answer.getAttribute("data-status")).toBe("success");
      expect(await answerText(answer)).toContain(`you said "`);
      expect(await answerText(answer)).toContain(`Hello ${family}".`);
      expect(await shown(answer.locator(".who"))).toBe(family);
      expect(await fact(answer, "usage")).toMatch(/^\d+ tokens in, \d+ out$/);
      expect(turn + 1).toBe(await answers(page).count());
    }

    // LMI fails after its first token, inside the 200 stream: the answer says so (the model's
    // own error, untyped).
    await openChat(page, "lmi");
    const failed = await sendMessage(page, "Hi [error]");
    expect(await failed.getAttribute("data-status")).toBe("error");
    expect(await shown(failed.getByRole("alert"))).toBe(
      "ChatStreamError: Demo failure: the model crashed mid-stream",
    );
    expect(await answerText(failed)).toBe("Turn");
    await expect
      .poll(() => page.locator(".history-item .tag.bad").allInnerTexts())
      .toEqual(["ChatStreamError"]);
    await screenshot(page, "chat-error");

    // Another family does not fail on it: regenerate there.
    await openChat(page, "vllm");
    await page.getByRole("button", { name: "Regenerate" }).click();
    const retried = await answerEnded(page, 6);
    expect(await retried.getAttribute("data-status")).toBe("success");
    expect(await shown(retried.locator(".who"))).toBe("vllm");
    expect(await page.getByRole("alert").count()).toBe(0);
  });

  it("shows the weather tool's call as a card, then the answer from its result", async () => {
    const d = await open();
    const { page } = d;
    await openChat(page, "vllm");
    const answer = await sendMessage(page, "What is the weather in Oslo?");
    const card = answer.getByRole("figure", { name: "Tool call get_weather" });
    expect(await shown(card.getByTestId("tool-city"))).toBe("Oslo");
    expect(await shown(card.getByTestId("tool-output"))).toBe("12°C and light rain in Oslo");
    expect(await card.getAttribute("data-state")).toBe("output-available");
    // The second step: the model answers with what the tool gave.
    expect(await answerText(answer)).toBe("The weather tool says: 12°C and light rain in Oslo.");
    expect(await fact(answer, "ttft")).toMatch(/^\d+ ms to first token$/);
    await screenshot(page, "chat-tool");
  });

  it("keeps the newest chat message in view as the conversation grows", async () => {
    const d = await open();
    const { page } = d;
    await page.getByRole("tab", { name: "Chat (stream)" }).click();
    const transcript = page.getByRole("list", { name: "Conversation" });
    const atBottom = () =>
      transcript.evaluate((list) => ({
        overflows: list.scrollHeight > list.clientHeight,
        atBottom: list.scrollHeight - list.scrollTop - list.clientHeight < 2,
      }));
    for (let turn = 1; turn <= 3; turn++) {
      // One long word: many lines, one token (a quick answer).
      await page.getByLabel("Message", { exact: true }).fill(`${turn}`.repeat(400));
      await page.getByRole("button", { name: "Send message" }).click();
      await page
        .locator('li.message.assistant[data-status="success"]')
        .nth(turn - 1)
        .waitFor({ timeout: 20_000 });
      expect((await atBottom()).atBottom).toBe(true);
    }
    expect(await atBottom()).toEqual({ overflows: true, atBottom: true });
  });

  it("charts p50/p95 and replays a call from the history", async () => {
    const d = await open();
    const { page } = d;
    await invoke(d, { endpoint: "echo" });
    await invoke(d, { endpoint: "tabular" });
    await invoke(d, { endpoint: "slow", customAttributes: "delay-ms=1300" });
    expect(await shown(page.getByTestId("p50"))).toMatch(/^\d+ ms$/);
    expect(await shown(page.getByTestId("p95"))).toMatch(/^\d+ ms$/);
    // The chart has one line per series, drawn through the calls.
    await page.locator(".recharts-line path.recharts-curve").first().waitFor();
    expect(await page.locator(".recharts-line").count()).toBe(4);
    // The y-axis labels: each on one line, inside the chart, in seconds past one.
    const ticks = await page.locator(".recharts-yAxis-tick-labels text").evaluateAll((labels) =>
      labels.map((label) => {
        const chart = label.closest("svg")?.getBoundingClientRect();
        const box = label.getBoundingClientRect();
        return {
          text: label.textContent?.replace(/\u00a0/g, " "),
          lines: label.querySelectorAll("tspan").length,
          inside: chart !== undefined && box.left >= chart.left && box.right <= chart.right,
        };
      }),
    );
    expect(ticks.length).toBeGreaterThan(2);
    for (const tick of ticks) expect(tick).toMatchObject({ lines: 1, inside: true });
    expect(ticks.map((tick) => tick.text)).toContain("0 ms");
    expect(ticks.some((tick) => /^\d+(\.\d)? s$/.test(tick.text ?? ""))).toBe(true);

    await page.getByRole("button", { name: "Replay call 1 to echo" }).click();
    await d.waitForCalls(4);
    const newest = page.locator(".history-item").first();
    expect(await shown(newest)).toMatch(/#4\s+echo/);
    expect(await page.getByLabel("Endpoint", { exact: true }).inputValue()).toBe("echo");
    await expect.poll(() => shown(result(page))).toContain('"inputs": "Hello, SageMaker"');
  });

  it("says how many older calls the history hides", async () => {
    const d = await open();
    const { page } = d;
    const send = page.getByRole("button", { name: "Send", exact: true });
    for (let call = 1; call <= 27; call++) {
      await send.click();
      await page.waitForFunction(
        (id) => document.querySelector(".history-item .mono")?.textContent === id,
        `#${call}`,
      );
    }
    expect(await d.calls()).toBe(25);
    expect(await shown(page.getByTestId("history-note"))).toBe(
      "Showing the newest 25 of 27 calls (2 older hidden).",
    );
    await screenshot(page, "history");
  });

  it("fits a phone screen, labels every control, and reaches Send from the keyboard", async () => {
    const d = await open(PHONE);
    const { page } = d;
    expect(await unlabelledControls(page)).toEqual([]);
    const presses = await tabTo(page, "Send");
    expect(presses).toBeGreaterThan(1);
    await page.keyboard.press("Enter");
    await d.waitForCalls(1);
    await expect.poll(() => shown(result(page))).toContain("AllTraffic");
    expect(await scrollsSideways(page)).toBe(false);
    expect(await lowContrastText(page)).toEqual([]);
    await screenshot(page, "phone");

    await page.getByRole("tab", { name: "Chat (stream)" }).click();
    expect(await scrollsSideways(page)).toBe(false);
    expect(await unlabelledControls(page)).toEqual([]);
    // Arrow keys move between tabs.
    await page.keyboard.press("ArrowLeft");
    expect(await shown(page.getByRole("tab", { selected: true }))).toBe("Invoke");
  });

  it("in account mode, a failed call says which step failed: Cognito, relay or endpoint", async () => {
    const d = await open();
    const { page, context } = d;
    await routeAwsToMocks(context);
    await switchToAccount(page);
    const failedAt = async (endpoint: string) => {
      const before = await d.calls();
      await page.getByLabel("Endpoint", { exact: true }).fill(endpoint);
      await page.getByRole("button", { name: "Send", exact: true }).click();
      await d.waitForCalls(before + 1);
      return shown(result(page).getByTestId("failed-step"));
    };
    // Routes added later answer first: each takes one service down, then is removed.
    const down = (route: Route) => route.abort("connectionrefused");
    const cognito = `https://cognito-identity.${REGION}.amazonaws.com/**`;
    await context.route(cognito, down);
    expect(await failedAt("sentiment")).toMatch(/^Cognito failed\./);
    await context.unroute(cognito, down);

    await context.route(`${RELAY_URL}/**`, down);
    expect(await failedAt("sentiment")).toMatch(/^Relay failed\./);
    await screenshot(page, "relay-failed");
    await context.unroute(`${RELAY_URL}/**`, down);

    expect(await failedAt("no-such-endpoint")).toMatch(/^Endpoint failed\./);
    expect(await shown(result(page).locator(".error-name"))).toBe("ValidationError");
    await page.getByLabel("Endpoint", { exact: true }).fill("sentiment");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect.poll(() => shown(result(page))).toContain('"label": "POSITIVE"');
  });

  it("in account mode, chats through Cognito and the relay, and says when the relay is down", async () => {
    const d = await open();
    const { page, context } = d;
    const aws = await routeAwsToMocks(context);
    await switchToAccount(page);
    await openChat(page, "lmi-messages");
    await page.getByLabel("Chat endpoint").fill("lmi-messages");
    const answer = await sendMessage(page, "What is the weather in Lima?");
    expect(await shown(answer.getByTestId("tool-output"))).toBe("12°C and light rain in Lima");
    expect(await answerText(answer)).toBe("The weather tool says: 12°C and light rain in Lima.");
    // Two steps (the tool call, then the answer), each signed with the pool's credentials.
    expect(aws.cognito.requests.map((r) => r.operation)).toEqual([
      "GetId",
      "GetCredentialsForIdentity",
    ]);
    expect(aws.sagemaker.requests.map((r) => [r.accessKeyId, r.status])).toEqual([
      [aws.cognito.issued[0]?.accessKeyId, 200],
      [aws.cognito.issued[0]?.accessKeyId, 200],
    ]);
    const streamPath = `/runtime.sagemaker.${REGION}.amazonaws.com/endpoints/lmi-messages/invocations-response-stream`;
    expect(aws.relayed).toEqual([streamPath, streamPath]);

    const down = (route: Route) => route.abort("connectionrefused");
    await context.route(`${RELAY_URL}/**`, down);
    const failed = await sendMessage(page, "Hello");
    expect(await shown(failed.getByRole("alert"))).toMatch(
      /^Relay failed\. RelayUnreachableError: /,
    );
    await expect
      .poll(() => page.locator(".history-item .tag.bad").allInnerTexts())
      .toEqual(["RelayUnreachableError"]);
  });

  it("switches to an AWS account (Cognito, relay) without loading the mock, and back", async () => {
    const d = await open();
    const { page, context } = d;
    const aws = await routeAwsToMocks(context);
    await page.getByRole("button", { name: "Settings" }).click();
    const dialog = page.getByRole("dialog", { name: "Settings" });
    await dialog.getByLabel("My AWS account").check();
    await dialog.getByRole("button", { name: "Save" }).click();
    // Nothing is saved until the fields are right.
    expect(await dialog.getByText("An identity pool id such as").count()).toBe(1);
    await dialog.getByLabel("Region").fill(REGION);
    await dialog.getByLabel("Cognito Identity Pool id").fill(POOL_ID);
    await dialog.getByLabel("Relay URL").fill(RELAY_URL);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => shown(page.locator(".badge"))).toBe(`AWS · ${REGION}`);

    // After a reload the settings hold, and neither MSW nor its worker is loaded.
    await page.reload();
    const endpoint = page.getByLabel("Endpoint", { exact: true });
    await endpoint.waitFor();
    expect(await shown(page.locator(".badge"))).toBe(`AWS · ${REGION}`);
    const loaded = await page.evaluate(async () => ({
      scripts: performance.getEntriesByType("resource").map((e) => e.name),
      workers: (await navigator.serviceWorker.getRegistrations()).length,
      settings: JSON.parse(localStorage.getItem("sagefetch.dashboard.settings") ?? "{}"),
    }));
    expect(loaded.scripts.filter((name) => /demoService|msw/i.test(name))).toEqual([]);
    expect(loaded.workers).toBe(0);
    expect(loaded.settings).toMatchObject({ mode: "aws", region: REGION, relayUrl: RELAY_URL });

    // A call: credentials from the identity pool, signed for SageMaker, sent through the relay.
    await endpoint.fill("sentiment");
    await page.getByLabel(/^Body/).fill('{"inputs": "I love it"}');
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await d.waitForCalls(1);
    await expect.poll(() => shown(result(page))).toContain('"label": "POSITIVE"');
    expect(aws.cognito.requests.map((r) => r.operation)).toEqual([
      "GetId",
      "GetCredentialsForIdentity",
    ]);
    expect(aws.sagemaker.requests.map((r) => [r.accessKeyId, r.status])).toEqual([
      [aws.cognito.issued[0]?.accessKeyId, 200],
    ]);
    expect(aws.relayed).toEqual([
      `/runtime.sagemaker.${REGION}.amazonaws.com/endpoints/sentiment/invocations`,
    ]);

    await page.getByRole("button", { name: "Settings" }).click();
    await dialog.getByLabel(/^Demo endpoints/).check();
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => shown(page.locator(".badge"))).toBe("demo");
    const out = await invoke(d, { endpoint: "echo" });
    await expect.poll(() => shown(out)).toContain("AllTraffic");
  });
});

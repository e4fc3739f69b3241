import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CredentialStore, demoCredentials, sageMakerHandlers } from "../index";
import { invoke, TEST_DATE } from "../internal/testing/invoke";
import { isCredentialStore } from "./CredentialStore";

const TEMP = { accessKeyId: "ASIALATER", secretAccessKey: "later-secret", sessionToken: "tok" };

describe("CredentialStore", () => {
  it("adds, finds, deletes, lists, and resets to what it was made with", () => {
    const store = new CredentialStore([demoCredentials]);
    expect(store.add(TEMP)).toBe(store);
    expect([store.size, store.has("ASIALATER"), store.get("AKIDEXAMPLE")]).toEqual([
      2,
      true,
      demoCredentials,
    ]);
    expect([...store].map((c) => c.accessKeyId)).toEqual(["AKIDEXAMPLE", "ASIALATER"]);
    store.add({ ...TEMP, secretAccessKey: "rotated" });
    expect(store.get("ASIALATER")?.secretAccessKey).toBe("rotated");
    expect(store.delete("AKIDEXAMPLE")).toBe(true);
    expect(store.values()).toHaveLength(1);
    store.reset();
    expect(store.values()).toEqual([demoCredentials]);
  });

  it("is recognised by shape", () => {
    expect(isCredentialStore(new CredentialStore())).toBe(true);
    expect(isCredentialStore({ add() {}, get() {}, delete() {} })).toBe(true);
    expect(isCredentialStore([demoCredentials])).toBe(false);
    expect(isCredentialStore(undefined)).toBe(false);
  });
});

const mock = sageMakerHandlers({
  now: () => TEST_DATE.getTime(),
  endpoints: { echo: () => ({ body: "ok" }) },
});
const listed = sageMakerHandlers({
  credentials: [TEMP],
  hosts: ["http://listed.test"],
  now: () => TEST_DATE.getTime(),
  endpoints: { echo: () => ({ body: "ok" }) },
});
const server = setupServer(...mock.handlers, ...listed.handlers);

beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => mock.reset());
afterAll(() => server.close());

describe("sageMakerHandlers' credentials at runtime", () => {
  it("accepts credentials added after the mock was made, until deleted", async () => {
    expect((await invoke("echo", { credentials: TEMP })).status).toBe(403);
    mock.credentials.add(TEMP);
    expect((await invoke("echo", { credentials: TEMP })).status).toBe(200);
    mock.reset();
    expect((await invoke("echo", { credentials: TEMP })).status).toBe(200); // reset() keeps them
    mock.credentials.delete(TEMP.accessKeyId);
    expect((await invoke("echo", { credentials: TEMP })).status).toBe(403);
  });

  it("refuses added credentials once their expiration has passed", async () => {
    mock.credentials.add({ ...TEMP, expiration: new Date(TEST_DATE.getTime()) });
    const response = await invoke("echo", { credentials: TEMP });
    expect(response.status).toBe(403);
    expect(response.headers.get("x-amzn-errortype")).toMatch(/^ExpiredTokenException:/);
    mock.credentials.reset();
  });

  it("still takes a list, copied into its own store", async () => {
    expect(listed.credentials.values()).toEqual([TEMP]);
    const ok = await invoke("echo", { credentials: TEMP, baseUrl: "http://listed.test" });
    expect(ok.status).toBe(200);
    const demo = await invoke("echo", { baseUrl: "http://listed.test" });
    expect(demo.status).toBe(403);
  });
});

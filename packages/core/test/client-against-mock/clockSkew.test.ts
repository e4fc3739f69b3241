import { setupMockService } from "@sagefetch/testing/startMock";
import { describe, expect, it } from "vitest";
import { InvokeEndpointCommand } from "../../src/index";

const service = setupMockService();

const MINUTE = 60_000;
const command = () => new InvokeEndpointCommand({ EndpointName: "echo", Body: "x" });

describe("clock skew", () => {
  it.each([15 * MINUTE, -15 * MINUTE, 3 * 60 * MINUTE, -26 * 60 * MINUTE])(
    "a server %d ms away: corrected once from Date, later calls fine",
    async (skewMs) => {
      service.skewMs = skewMs;
      const client = service.client();
      const first = await client.send(command());
      expect(first.$metadata.attempts).toBe(2);
      expect(service.mock.requests[0]?.status).toBe(403);
      expect(Math.abs(client.config.systemClockOffset - skewMs)).toBeLessThan(2000);
      const later = await client.send(command());
      expect(later.$metadata.attempts).toBe(1);
    },
  );

  it("corrects from the error's text when Date cannot be read (cross-origin)", async () => {
    service.skewMs = 20 * MINUTE;
    const client = service.client({
      fetch: async (input, init) => {
        const response = await service.fetch(input, init);
        const headers = new Headers(response.headers);
        headers.delete("date");
        return new Response(response.body, { status: response.status, headers });
      },
    });
    const out = await client.send(command());
    expect(out.$metadata.attempts).toBe(2);
    expect(Math.abs(client.config.systemClockOffset - 20 * MINUTE)).toBeLessThan(2000);
  });

  it("retries every parallel call that signed with the old offset", async () => {
    service.skewMs = 30 * MINUTE;
    const client = service.client();
    const outs = await Promise.all(Array.from({ length: 8 }, () => client.send(command())));
    for (const out of outs) expect(out.$metadata.attempts).toBe(2);
  });

  it("systemClockOffset can be set, and is used", async () => {
    service.skewMs = 15 * MINUTE;
    const client = service.client({ systemClockOffset: 15 * MINUTE });
    expect((await client.send(command())).$metadata.attempts).toBe(1);
    client.config.systemClockOffset = 0;
    expect((await client.send(command())).$metadata.attempts).toBe(2);
  });
});

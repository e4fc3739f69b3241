import { act, waitFor } from "@testing-library/react";
import { expect } from "vitest";
import { settle } from "./wrapper";

interface Invoker {
  current: {
    invoke(input: {
      EndpointName: string;
      Body: string;
      CustomAttributes: string;
    }): Promise<unknown>;
  };
}

/**
 * Starts a call to the slow model (it answers after `delayMs`) from a rendered hook, and waits
 * until the mock has it. `call` settles with the result or the error (in an object: a promise
 * returned from here would be waited for).
 */
export async function startSlowCall(
  result: Invoker,
  mock: { requests: readonly unknown[] },
  delayMs: number,
): Promise<{ call: Promise<unknown> }> {
  let call!: Promise<unknown>;
  act(() => {
    call = settle(
      result.current.invoke({
        EndpointName: "slow",
        Body: "{}",
        CustomAttributes: `delay-ms=${delayMs}`,
      }),
    );
  });
  await waitFor(() => expect(mock.requests).toHaveLength(1));
  return { call };
}

import { setupMockService } from "@sagefetch/testing/startMock";
import { QueryClient } from "@tanstack/react-query";
// The main entry renders nothing unless NODE_ENV is "development" (Vitest sets "test").
import { ReactQueryDevtoolsPanel } from "@tanstack/react-query-devtools/production";
import { render, waitFor } from "@testing-library/react";
import { expect, it } from "vitest";
import { SageMakerProvider, useInvokeEndpointQuery } from "../../src/index";
import { mockOptions } from "../harness/endpoints";

const service = setupMockService(mockOptions);

function Prediction() {
  const { data } = useInvokeEndpointQuery({
    EndpointName: "sentiment",
    Body: JSON.stringify({ inputs: "my private note: I love it" }),
    ContentType: "application/json",
  });
  return <p>{data ? "answered" : "waiting"}</p>;
}

it("the devtools panel lists the query by endpoint and digest, never by body", async () => {
  const queryClient = new QueryClient();
  const view = render(
    <SageMakerProvider client={service.client()} queryClient={queryClient}>
      <Prediction />
      <ReactQueryDevtoolsPanel style={{ height: 400 }} />
    </SageMakerProvider>,
  );
  await waitFor(() => expect(view.getByText("answered")).toBeTruthy());
  const text = () => {
    const parts: string[] = [document.body.textContent ?? ""];
    for (const el of document.querySelectorAll("*"))
      if (el.shadowRoot) parts.push(el.shadowRoot.textContent ?? "");
    return parts.join("\n");
  };
  await waitFor(() => expect(text()).toMatch(/"sagemaker","endpoint","sentiment","invoke"/), {
    timeout: 3000,
  });
  expect(text()).toMatch(/"Body":"\d+:[0-9a-f]{16}"/);
  expect(text()).not.toContain("private note");
});

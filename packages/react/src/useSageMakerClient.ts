import type { SageMakerRuntimeClient } from "@sagefetch/core";
import { useContext } from "react";
import { SageMakerContext } from "./internal/SageMakerContext";

/**
 * The client of the nearest `SageMakerProvider`, e.g. to build query options or send a command
 * of your own. Throws when there is no provider above.
 */
export function useSageMakerClient(): SageMakerRuntimeClient {
  const client = useContext(SageMakerContext);
  if (!client) {
    throw new Error("sagefetch hooks need a <SageMakerProvider client={client}> above them.");
  }
  return client;
}

import type { SageMakerRuntimeClient } from "@sagefetch/core";
import { type Context, createContext } from "react";

/** The client of the nearest `SageMakerProvider`. Created at import: no DOM is touched. */
export const SageMakerContext: Context<SageMakerRuntimeClient | undefined> =
  /* @__PURE__ */ createContext<SageMakerRuntimeClient | undefined>(undefined);

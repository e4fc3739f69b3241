import { detectRuntime } from "@sagefetch/testing/runtime";
import { describe, expect, inject, it } from "vitest";

describe("the runtime", () => {
  it("is the one the project is named after", () => {
    expect(detectRuntime()).toBe(inject("runtime"));
  });
});

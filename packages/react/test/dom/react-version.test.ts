import { version } from "react";
import { version as reactDomVersion } from "react-dom";
import { expect, inject, it } from "vitest";

it("runs on the React this project is for, react-dom included", () => {
  expect(version.split(".")[0]).toBe(inject("react"));
  expect(reactDomVersion.split(".")[0]).toBe(inject("react"));
});

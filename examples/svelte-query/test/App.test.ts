import { describeQueryExample } from "@sagefetch/testing/queryExample";
import { mount, unmount } from "svelte";
import { startDemoMock } from "../src/mock";
import Root from "../src/Root.svelte";
import { chatInput, demoClient } from "../src/sagemaker";

describeQueryExample({
  framework: "Svelte Query",
  // Root.svelte makes a fresh QueryClient, as main.ts does.
  mount(target, props) {
    const shown = mount(Root, { target, props });
    return () => unmount(shown);
  },
  startDemoMock,
  demoClient,
  chatInput,
});

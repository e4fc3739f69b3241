import { InvokeEndpointCommand, SageMakerRuntimeClient } from "@sagefetch/core";
import { demoCredentials } from "@sagefetch/msw";
import { describe, expect, it } from "vitest";
import { sageMakerRuntimeRegion } from "./hosts";

// One region of each partition, as in core's endpoint rules.
const REGIONS = [
  "us-east-1",
  "eu-central-2",
  "ap-southeast-7",
  "il-central-1",
  "mx-central-1",
  "cn-north-1",
  "eusc-de-east-1",
  "us-iso-east-1",
  "us-isob-east-1",
  "eu-isoe-west-1",
  "us-isof-south-1",
  "us-gov-west-1",
];

/** The host sagefetch's client signs for, with these settings. */
async function hostOf(region: string, useFipsEndpoint: boolean, useDualstackEndpoint: boolean) {
  let host = "";
  const client = new SageMakerRuntimeClient({
    region,
    useFipsEndpoint,
    useDualstackEndpoint,
    credentials: demoCredentials,
    maxAttempts: 1,
    fetch: async (url) => {
      host = new URL(url as string).host;
      return new Response("{}");
    },
  });
  await client.send(new InvokeEndpointCommand({ EndpointName: "e", Body: "{}" }));
  return host;
}

describe("sageMakerRuntimeRegion", () => {
  it("knows every host core's endpoint rules give: each partition, FIPS, dual-stack", async () => {
    const hosts = new Set<string>();
    for (const region of REGIONS) {
      for (const fips of [false, true]) {
        for (const dualStack of [false, true]) {
          const host = await hostOf(region, fips, dualStack);
          hosts.add(host);
          expect(sageMakerRuntimeRegion(host), host).toBe(region);
        }
      }
    }
    // The four shapes, in several partitions: the loop above did test something.
    expect(hosts.size).toBeGreaterThan(REGIONS.length * 3);
    expect(hosts).toContain("runtime-fips.sagemaker.us-east-1.amazonaws.com");
    expect(hosts).toContain("runtime.sagemaker-fips.us-east-1.api.aws");
    expect(hosts).toContain("runtime.sagemaker.cn-north-1.api.amazonwebservices.com.cn");
  });

  it.each([
    "runtime.sagemaker.us-east-1.amazonaws.com.evil.example",
    "evil.example/runtime.sagemaker.us-east-1.amazonaws.com",
    "runtime.sagemaker.us-east-1.amazonaws.com:443",
    "runtime.sagemaker.us-east-1.amazonaws.com.",
    "x.runtime.sagemaker.us-east-1.amazonaws.com",
    "runtime.sagemakerx.us-east-1.amazonaws.com",
    "runtime-fips.sagemaker-fips.us-east-1.amazonaws.com",
    "api.sagemaker.us-east-1.amazonaws.com",
    "runtime.sagemaker.us-east-1.amazonaws.co",
    "runtime.sagemaker..amazonaws.com",
    "runtime.sagemaker.us_east_1.amazonaws.com",
    "sts.us-east-1.amazonaws.com",
    "user@runtime.sagemaker.us-east-1.amazonaws.com",
  ])("refuses %s", (host) => {
    expect(sageMakerRuntimeRegion(host)).toBeUndefined();
  });
});

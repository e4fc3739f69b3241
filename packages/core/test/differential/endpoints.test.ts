// Endpoint resolution: for a grid of region × useFipsEndpoint × useDualstackEndpoint × custom
// endpoint, sagefetch must call the URL the AWS SDK calls, and refuse the configurations the AWS
// SDK refuses.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type ClientOptions,
  type Input,
  isolateFromAwsEnvironment,
  ONE_REGION_PER_PARTITION,
  type Outcome,
  prop,
  runBoth,
} from "./harness";

// In beforeAll: the cases run both clients in their own beforeAll, which comes before any beforeEach.
beforeAll(isolateFromAwsEnvironment);
afterAll(() => vi.unstubAllEnvs());

const INPUT: Input = { EndpointName: "my-endpoint", Body: "{}", ContentType: "application/json" };

const REGIONS = [
  ...ONE_REGION_PER_PARTITION,
  // more of the same partitions
  "eu-west-3",
  "il-central-1",
  "mx-central-1",
  "cn-northwest-1",
  "us-gov-east-1",
  // names that ask for FIPS, a global pseudo-region, and names no pattern knows
  "fips-us-east-1",
  "us-east-1-fips",
  "fips-us-gov-west-1",
  "fips-cn-north-1",
  "aws-global",
  "aws-cn-global",
  "xx-unknown-1",
  "US-EAST-1",
];

const CUSTOM_ENDPOINTS: ClientOptions["endpoint"][] = [
  "https://sagemaker.example.com",
  "http://127.0.0.1:8080",
  "https://proxy.example.com/aws/sagemaker",
  "http://localhost:9000/prefix",
  "https://h.example.com:443/base",
  "https://h.example.com/base?x=1",
  "https://vpce-0123.runtime.sagemaker.us-east-1.vpce.amazonaws.com",
  { protocol: "https:", hostname: "h.example.com", port: 8443, path: "/base" },
  { protocol: "http:", hostname: "localhost", path: "/" },
];

const flags = [false, true];

const GRID: ClientOptions[] = [
  ...REGIONS.flatMap((region) =>
    flags.flatMap((useFipsEndpoint) =>
      flags.map((useDualstackEndpoint) => ({ region, useFipsEndpoint, useDualstackEndpoint })),
    ),
  ),
  ...["us-east-1", "cn-north-1", "us-gov-west-1", "eusc-de-east-1"].flatMap((region) =>
    CUSTOM_ENDPOINTS.map((endpoint) => ({ region, endpoint })),
  ),
];

const describeOptions = (o: ClientOptions) => JSON.stringify(o);

describe("the URL called", () => {
  it.each(GRID.map((o) => [describeOptions(o), o] as const))("%s", async (_label, options) => {
    const both = await runBoth(options, INPUT);
    expect(both.aws.error).toBeUndefined();
    expect(both.sagefetch.error).toBeUndefined();
    expect(both.sagefetch.request?.url).toBe(both.aws.request?.url);
  });
});

// Configurations both clients must refuse, before anything is sent.
const CONFIG_ERRORS: { name: string; options: ClientOptions }[] = [
  ...["https://sagemaker.example.com", "http://localhost:9000/prefix"].flatMap((endpoint) => [
    {
      name: `FIPS with ${endpoint}`,
      options: { region: "us-east-1", endpoint, useFipsEndpoint: true },
    },
    {
      name: `dual-stack with ${endpoint}`,
      options: { region: "us-east-1", endpoint, useDualstackEndpoint: true },
    },
    {
      name: `FIPS and dual-stack with ${endpoint}`,
      options: { region: "us-east-1", endpoint, useFipsEndpoint: true, useDualstackEndpoint: true },
    },
    {
      name: `region fips-us-east-1 with ${endpoint}`,
      options: { region: "fips-us-east-1", endpoint },
    },
  ]),
  { name: "no region", options: {} },
  { name: "an empty region", options: { region: "" } },
  {
    name: "no region, with a custom endpoint",
    options: { endpoint: "https://sagemaker.example.com" },
  },
  {
    name: "no region, FIPS and dual-stack",
    options: { useFipsEndpoint: true, useDualstackEndpoint: true },
  },
  ...[
    "us-east-1/../x",
    "us-east-1.evil.example",
    "us-east-1 ",
    "-us-east-1",
    "us_east_1",
    "a".repeat(64),
  ].map((region) => ({ name: `invalid region ${JSON.stringify(region)}`, options: { region } })),
  {
    name: "invalid region with a custom endpoint",
    options: { region: "us-east-1/../x", endpoint: "https://sagemaker.example.com" },
  },
];

describe.each(CONFIG_ERRORS)("configuration error: $name", ({ options }) => {
  let aws: Outcome;
  let sf: Outcome;
  beforeAll(async () => {
    ({ aws, sagefetch: sf } = await runBoth(options, INPUT));
  });

  it("is refused by both clients, before anything is sent", () => {
    expect(aws.error).toBeInstanceOf(Error);
    expect(sf.error).toBeInstanceOf(Error);
    expect(aws.request).toBeUndefined();
    expect(sf.request).toBeUndefined();
  });

  it("has the AWS SDK's message where the AWS SDK throws an EndpointError", () => {
    if (prop(aws.error, "name") !== "EndpointError") return;
    expect(prop(sf.error, "name")).toBe("EndpointError");
    expect(prop(sf.error, "message")).toBe(prop(aws.error, "message"));
  });
});

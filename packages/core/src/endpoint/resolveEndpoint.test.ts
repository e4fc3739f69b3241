import { describe, expect, it } from "vitest";
import { EndpointError } from "../errors/clientErrors";
import { normalizeRegion } from "./normalizeRegion";
import { resolveEndpoint, withOperationPath } from "./resolveEndpoint";

const url = (region: string, useFipsEndpoint = false, useDualstackEndpoint = false) =>
  resolveEndpoint({ region, useFipsEndpoint, useDualstackEndpoint }).href;

describe("resolveEndpoint: the AWS rules for every partition", () => {
  it.each([
    [
      "us-east-1",
      "https://runtime.sagemaker.us-east-1.amazonaws.com/",
      "https://runtime-fips.sagemaker.us-east-1.amazonaws.com/",
      "https://runtime.sagemaker.us-east-1.api.aws/",
      "https://runtime.sagemaker-fips.us-east-1.api.aws/",
    ],
    [
      "cn-north-1",
      "https://runtime.sagemaker.cn-north-1.amazonaws.com.cn/",
      "https://runtime.sagemaker-fips.cn-north-1.amazonaws.com.cn/",
      "https://runtime.sagemaker.cn-north-1.api.amazonwebservices.com.cn/",
      "https://runtime.sagemaker-fips.cn-north-1.api.amazonwebservices.com.cn/",
    ],
    [
      "us-gov-west-1",
      "https://runtime.sagemaker.us-gov-west-1.amazonaws.com/",
      "https://runtime.sagemaker.us-gov-west-1.amazonaws.com/",
      "https://runtime.sagemaker.us-gov-west-1.api.aws/",
      "https://runtime.sagemaker-fips.us-gov-west-1.api.aws/",
    ],
    [
      "us-iso-east-1",
      "https://runtime.sagemaker.us-iso-east-1.c2s.ic.gov/",
      "https://runtime.sagemaker-fips.us-iso-east-1.c2s.ic.gov/",
      "https://runtime.sagemaker.us-iso-east-1.api.aws.ic.gov/",
      "https://runtime.sagemaker-fips.us-iso-east-1.api.aws.ic.gov/",
    ],
    [
      "us-isob-east-1",
      "https://runtime.sagemaker.us-isob-east-1.sc2s.sgov.gov/",
      "https://runtime.sagemaker-fips.us-isob-east-1.sc2s.sgov.gov/",
      "https://runtime.sagemaker.us-isob-east-1.api.aws.scloud/",
      "https://runtime.sagemaker-fips.us-isob-east-1.api.aws.scloud/",
    ],
    [
      "eu-isoe-west-1",
      "https://runtime.sagemaker.eu-isoe-west-1.cloud.adc-e.uk/",
      "https://runtime.sagemaker-fips.eu-isoe-west-1.cloud.adc-e.uk/",
      "https://runtime.sagemaker.eu-isoe-west-1.api.cloud-aws.adc-e.uk/",
      "https://runtime.sagemaker-fips.eu-isoe-west-1.api.cloud-aws.adc-e.uk/",
    ],
    [
      "us-isof-south-1",
      "https://runtime.sagemaker.us-isof-south-1.csp.hci.ic.gov/",
      "https://runtime.sagemaker-fips.us-isof-south-1.csp.hci.ic.gov/",
      "https://runtime.sagemaker.us-isof-south-1.api.aws.hci.ic.gov/",
      "https://runtime.sagemaker-fips.us-isof-south-1.api.aws.hci.ic.gov/",
    ],
    [
      "eusc-de-east-1",
      "https://runtime.sagemaker.eusc-de-east-1.amazonaws.eu/",
      "https://runtime.sagemaker-fips.eusc-de-east-1.amazonaws.eu/",
      "https://runtime.sagemaker.eusc-de-east-1.api.amazonwebservices.eu/",
      "https://runtime.sagemaker-fips.eusc-de-east-1.api.amazonwebservices.eu/",
    ],
    [
      "xx-unknown-1",
      "https://runtime.sagemaker.xx-unknown-1.amazonaws.com/",
      "https://runtime-fips.sagemaker.xx-unknown-1.amazonaws.com/",
      "https://runtime.sagemaker.xx-unknown-1.api.aws/",
      "https://runtime.sagemaker-fips.xx-unknown-1.api.aws/",
    ],
  ])("%s", (region, plain, fips, dualStack, both) => {
    expect(url(region)).toBe(plain);
    expect(url(region, true)).toBe(fips);
    expect(url(region, false, true)).toBe(dualStack);
    expect(url(region, true, true)).toBe(both);
  });

  it("keeps a custom endpoint, its port and its base path", () => {
    const base = resolveEndpoint({
      region: "us-east-1",
      useFipsEndpoint: false,
      useDualstackEndpoint: false,
      endpoint: "http://127.0.0.1:8080/prefix/",
    });
    expect(withOperationPath(base, "/endpoints/x/invocations").href).toBe(
      "http://127.0.0.1:8080/prefix/endpoints/x/invocations",
    );
    const object = resolveEndpoint({
      region: "us-east-1",
      useFipsEndpoint: false,
      useDualstackEndpoint: false,
      endpoint: { protocol: "https", hostname: "example.com", port: 8443, path: "/p" },
    });
    expect(withOperationPath(object, "/endpoints/x/invocations").href).toBe(
      "https://example.com:8443/p/endpoints/x/invocations",
    );
  });

  it.each([
    [
      { region: "", useFipsEndpoint: false, useDualstackEndpoint: false },
      "Invalid Configuration: Missing Region",
    ],
    [
      {
        region: "us-east-1",
        useFipsEndpoint: true,
        useDualstackEndpoint: false,
        endpoint: "https://x",
      },
      "Invalid Configuration: FIPS and custom endpoint are not supported",
    ],
    [
      {
        region: "us-east-1",
        useFipsEndpoint: false,
        useDualstackEndpoint: true,
        endpoint: "https://x",
      },
      "Invalid Configuration: Dualstack and custom endpoint are not supported",
    ],
    [
      {
        region: "us-east-1",
        useFipsEndpoint: false,
        useDualstackEndpoint: false,
        endpoint: "not a url",
      },
      "Invalid Configuration: endpoint is not a valid URL",
    ],
  ])("raises the configuration error %#", (options, message) => {
    expect(() => resolveEndpoint(options)).toThrow(new EndpointError({ message }));
  });
});

describe("normalizeRegion", () => {
  it("turns FIPS pseudo-regions into FIPS on the real region", () => {
    expect(normalizeRegion("fips-us-east-1")).toEqual({ region: "us-east-1", fips: true });
    expect(normalizeRegion("us-gov-west-1-fips")).toEqual({ region: "us-gov-west-1", fips: true });
    expect(normalizeRegion("eu-west-1")).toEqual({ region: "eu-west-1", fips: false });
  });

  it("refuses a region that is not a host label", () => {
    for (const region of ["us-east-1.evil.com", "us-east-1/x", "-us", "us east"]) {
      expect(() => normalizeRegion(region)).toThrow(/Region not accepted/);
    }
  });
});

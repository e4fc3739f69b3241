import { sageMakerRuntimeRegion } from "../hosts";
import { RelayConfigError } from "../RelayConfigError";
import type { Refusal } from "../refusal";

// A region name, and the two ways AWS names its FIPS variant.
const REGION = /^[a-z]{2,5}(?:-[a-z0-9]+)*-\d{1,2}$/;
const FIPS_REGION = /^fips-(.+)$|^(.+)-fips$/;
// FIPS hosts: `runtime-fips.sagemaker` (aws) and `runtime.sagemaker-fips` (other partitions,
// dual-stack). In aws-us-gov the plain host is FIPS too: listing its region allows it.
const FIPS_HOST = /^runtime-fips\.|^runtime\.sagemaker-fips\./;

/** Checks `allowedRegions` once; the check refuses a host outside them (403). */
export function regionCheck(
  region: string | undefined,
  allowedRegions: unknown,
): (host: string) => Refusal | undefined {
  let list: readonly unknown[];
  if (allowedRegions === undefined) {
    if (region === undefined) {
      throw new RelayConfigError(
        "signing.region",
        "is required (the relay's own region, the one it signs for) unless signing.allowedRegions lists them",
      );
    }
    list = [region];
  } else if (Array.isArray(allowedRegions) && allowedRegions.length > 0) {
    list = allowedRegions;
  } else {
    throw new RelayConfigError(
      "signing.allowedRegions",
      "must be a non-empty array of region names",
    );
  }
  const allowed = new Set(
    list.map((entry, i) => {
      const fips = typeof entry === "string" ? FIPS_REGION.exec(entry) : null;
      const name = fips ? (fips[1] ?? fips[2]) : entry;
      if (typeof name !== "string" || !REGION.test(name)) {
        throw new RelayConfigError(
          `signing.allowedRegions[${i}]`,
          "must be a region name such as us-east-1, or fips-us-east-1 for its FIPS hosts",
        );
      }
      return fips ? `fips-${name}` : name;
    }),
  );
  return (host) => {
    const hostRegion = sageMakerRuntimeRegion(host);
    // An `extraUpstreams` origin, listed by the app: signed for `region`.
    if (hostRegion === undefined) return undefined;
    const key = FIPS_HOST.test(host) ? `fips-${hostRegion}` : hostRegion;
    if (allowed.has(key)) return undefined;
    return {
      status: 403,
      code: "AccessDeniedException",
      message: `The relay does not sign for ${key.startsWith("fips-") ? `the FIPS hosts of ${hostRegion}` : hostRegion}: signing.allowedRegions does not list it.`,
    };
  };
}

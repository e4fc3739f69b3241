/** What the endpoint rules need of a partition. */
export interface Partition {
  name: string;
  dnsSuffix: string;
  dualStackDnsSuffix: string;
}

// name, region pattern, dnsSuffix, dualStackDnsSuffix; one line a partition, in the order the
// AWS SDK tries them. Every partition supports FIPS and dual-stack today, so those flags are
// not kept. Source: @aws-sdk/core's util-endpoints partitions (2026); a test checks they agree.
// Kept as one string: fewer minified bytes than literals, as few gzipped (decision 0006).
// Marked pure so that a bundle that never reads the table drops it.
export const PARTITIONS: readonly (readonly string[])[] =
  /* @__PURE__ */ `aws ^(us|eu|ap|sa|ca|me|af|il|mx)-\\w+-\\d+$ amazonaws.com api.aws
aws-cn ^cn-\\w+-\\d+$ amazonaws.com.cn api.amazonwebservices.com.cn
aws-eusc ^eusc-(de)-\\w+-\\d+$ amazonaws.eu api.amazonwebservices.eu
aws-iso ^us-iso-\\w+-\\d+$ c2s.ic.gov api.aws.ic.gov
aws-iso-b ^us-isob-\\w+-\\d+$ sc2s.sgov.gov api.aws.scloud
aws-iso-e ^eu-isoe-\\w+-\\d+$ cloud.adc-e.uk api.cloud-aws.adc-e.uk
aws-iso-f ^us-isof-\\w+-\\d+$ csp.hci.ic.gov api.aws.hci.ic.gov
aws-us-gov ^us-gov-\\w+-\\d+$ amazonaws.com api.aws`
    .split("\n")
    .map((line) => line.split(" "));

/** Every DNS suffix of every partition, standard and dual-stack, without repeats. */
export function dnsSuffixes(): string[] {
  return [...new Set(PARTITIONS.flatMap(([, , dns, dualStack]) => [dns, dualStack] as string[]))];
}

/** The partition of a region: by its global pseudo-region, by pattern, else `aws`. */
export function partitionOf(region: string): Partition {
  const found = (PARTITIONS.find(([name]) => region === `${name}-global`) ??
    PARTITIONS.find(([, pattern]) => new RegExp(pattern as string).test(region)) ??
    PARTITIONS[0]) as readonly string[];
  return {
    name: found[0] as string,
    dnsSuffix: found[2] as string,
    dualStackDnsSuffix: found[3] as string,
  };
}

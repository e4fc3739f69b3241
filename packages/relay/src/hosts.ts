// DNS suffixes of every AWS partition, standard and dual-stack: the same table as core's
// endpoint rules (src/endpoint/partitions.ts in @sagefetch/core), repeated here because the
// forwarding relay depends on nothing. hosts.test.ts checks every host core resolves passes.
const SUFFIXES = [
  "amazonaws.com",
  "amazonaws.com.cn",
  "amazonaws.eu",
  "c2s.ic.gov",
  "sc2s.sgov.gov",
  "cloud.adc-e.uk",
  "csp.hci.ic.gov",
  "api.aws",
  "api.amazonwebservices.com.cn",
  "api.amazonwebservices.eu",
  "api.aws.ic.gov",
  "api.aws.scloud",
  "api.cloud-aws.adc-e.uk",
  "api.aws.hci.ic.gov",
];

// `runtime.sagemaker`, FIPS as `runtime-fips.sagemaker` (aws) or `runtime.sagemaker-fips`
// (other partitions, and dual-stack), then a region (`us-east-1`, `us-gov-west-1`,
// `eusc-de-east-1`, `cn-north-1`, ...), then a partition's suffix. Nothing else: no port, no
// userinfo, no other AWS service.
const SAGEMAKER_RUNTIME_HOST = new RegExp(
  `^(?:runtime|runtime-fips)\\.sagemaker(?:-fips)?\\.([a-z]{2,5}(?:-[a-z0-9]+)*-\\d{1,2})\\.(?:${SUFFIXES.map(
    (suffix) => suffix.replaceAll(".", "\\."),
  ).join("|")})$`,
);

/**
 * The region of a SageMaker Runtime host name (any partition, FIPS, dual-stack), or
 * `undefined` when the name is not one. Lowercase names only: that is how URLs carry hosts.
 */
export function sageMakerRuntimeRegion(host: string): string | undefined {
  const match = SAGEMAKER_RUNTIME_HOST.exec(host);
  // `runtime-fips.sagemaker-fips` is no host of any partition.
  if (!match || host.startsWith("runtime-fips.sagemaker-fips.")) return undefined;
  return match[1];
}

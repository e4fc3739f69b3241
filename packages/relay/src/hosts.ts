import { dnsSuffixes } from "@sagefetch/core/protocol";

// DNS suffixes of every AWS partition, standard and dual-stack: core's partition table
// (@sagefetch/core/protocol), bundled into the relay at build time, so that the forwarding
// relay still depends on nothing at run time.
const SUFFIXES = dnsSuffixes();

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

/**
 * DNS suffixes of the AWS partitions (regular and dual-stack), as in the AWS SDK's
 * partitions.json: aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc.
 */
export const DNS_SUFFIXES: readonly string[] = [
  "amazonaws.com",
  "api.aws",
  "amazonaws.com.cn",
  "api.amazonwebservices.com.cn",
  "c2s.ic.gov",
  "api.aws.ic.gov",
  "sc2s.sgov.gov",
  "api.aws.scloud",
  "cloud.adc-e.uk",
  "api.cloud-aws.adc-e.uk",
  "csp.hci.ic.gov",
  "api.aws.hci.ic.gov",
  "amazonaws.eu",
  "api.amazonwebservices.eu",
];

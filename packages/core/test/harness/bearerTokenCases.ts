/** Inputs the bearer-token test compares our tokens with botocore's on. */
export interface BearerTokenCase {
  label: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  region: string;
  expiresIn: number;
  /** The frozen clock, whole seconds since the epoch. */
  epochSeconds: number;
}

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
export const BEARER_TOKEN_CASES: BearerTokenCase[] = [
  {
    label: "long-term credentials, 12 h",
    accessKeyId: "AKIDEXAMPLE",
    secretAccessKey: SECRET,
    region: "us-east-1",
    expiresIn: 43_200,
    epochSeconds: 1_764_921_600,
  },
  {
    label: "a session token with +, / and =, 1 s",
    accessKeyId: "ASIAEXAMPLE0000001",
    secretAccessKey: SECRET,
    sessionToken: "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+x/y==",
    region: "eu-west-3",
    expiresIn: 1,
    epochSeconds: 1_780_000_001,
  },
  {
    label: "China, 1 h, a day boundary",
    accessKeyId: "ASIACHINA",
    secretAccessKey: "a secret with spaces & symbols ~!*()'",
    sessionToken: "token with spaces",
    region: "cn-north-1",
    expiresIn: 3600,
    epochSeconds: 1_798_761_599,
  },
  {
    label: "GovCloud, 15 min",
    accessKeyId: "AKIAGOVCLOUD",
    secretAccessKey: SECRET,
    region: "us-gov-west-1",
    expiresIn: 900,
    epochSeconds: 1_700_000_000,
  },
];

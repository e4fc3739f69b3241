import { EndpointError } from "../errors/clientErrors";

/** The region to sign for, and whether its name asked for FIPS (`fips-x` / `x-fips`). */
export function normalizeRegion(region: string): { region: string; fips: boolean } {
  if (region === "") return { region, fips: false };
  // A region becomes a host label: anything else could point the client at another host.
  if (typeof region !== "string" || !/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(region)) {
    throw new EndpointError({
      message: `Region not accepted: region="${region}" is not a valid hostname component.`,
    });
  }
  const fips = region.startsWith("fips-") || region.endsWith("-fips");
  if (!fips) return { region, fips };
  if (region === "fips-aws-global" || region === "aws-fips") return { region: "us-east-1", fips };
  return { region: region.replace(/fips-(dkr-|prod-)?|-fips/, ""), fips };
}

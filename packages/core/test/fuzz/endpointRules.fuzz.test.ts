// Property tests of the endpoint rules: for any region the client accepts, the URL is the one
// the AWS SDK's own rules engine gives; for any string at all, the client either refuses it
// with an EndpointError or calls a SageMaker Runtime host of that region, never another host.
import { defaultEndpointResolver } from "@aws-sdk/client-sagemaker-runtime/dist-es/endpoint/endpointResolver.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeRegion } from "../../src/endpoint/normalizeRegion";
import { resolveEndpoint, withOperationPath } from "../../src/endpoint/resolveEndpoint";
import { EndpointError } from "../../src/errors/clientErrors";
import { RUNS } from "./arbitraries";

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,12}[a-z0-9])?$/);
const region: fc.Arbitrary<string> = fc.oneof(
  // Region-shaped names of every partition, and some no partition knows.
  fc
    .tuple(
      fc.constantFrom(
        ...["us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx", "cn", "us-gov", "us-iso"],
        ...["us-isob", "eu-isoe", "us-isof", "eusc-de", "xx"],
      ),
      fc.oneof(fc.constantFrom("east", "west", "north", "southeast", "central"), label),
      fc.integer({ min: 0, max: 20 }),
    )
    .map(([prefix, word, n]) => `${prefix}-${word}-${n}`),
  fc.constantFrom("aws-global", "aws-cn-global", "aws-us-gov-global", "aws-iso-global"),
  label,
  label.map((l) => l.toUpperCase()),
);
const notFipsNamed = (r: string) => !/^fips-|-fips$/.test(r);

describe("endpoint rules, property-based", () => {
  it("any accepted region, FIPS and dual-stack or not: the AWS SDK's URL", () => {
    fc.assert(
      fc.property(region.filter(notFipsNamed), fc.boolean(), fc.boolean(), (r, fips, dual) => {
        const { region: normalized } = normalizeRegion(r);
        const ours = resolveEndpoint({
          region: normalized,
          useFipsEndpoint: fips,
          useDualstackEndpoint: dual,
        });
        const theirs = defaultEndpointResolver({ Region: r, UseFIPS: fips, UseDualStack: dual });
        expect(ours.href).toBe(theirs.url.href);
      }),
      RUNS,
    );
  });

  it("any string as the region: an EndpointError, or a SageMaker Runtime host of that region", () => {
    const hostile = fc.oneof(
      fc.string({ unit: "binary", maxLength: 30 }),
      fc
        .tuple(
          region,
          fc.constantFrom(".", "/", "@", ":", "#", "?", "\\", "%2e", " ", "\n"),
          region,
        )
        .map(([a, sep, b]) => `${a}${sep}${b}`),
      region,
    );
    fc.assert(
      fc.property(hostile, fc.boolean(), fc.boolean(), (r, fips, dual) => {
        let url: URL;
        let normalized: string;
        try {
          normalized = normalizeRegion(r).region;
          if (!normalized) return; // no region: refused later, with "Missing Region"
          url = withOperationPath(
            resolveEndpoint({
              region: normalized,
              useFipsEndpoint: fips,
              useDualstackEndpoint: dual,
            }),
            "/endpoints/e/invocations",
          );
        } catch (error) {
          expect(error).toBeInstanceOf(EndpointError);
          return;
        }
        expect(url.protocol).toBe("https:");
        expect(url.username + url.password + url.port + url.search + url.hash).toBe("");
        expect(url.pathname).toBe("/endpoints/e/invocations");
        expect(url.hostname).toMatch(/^runtime(-fips)?\.sagemaker(-fips)?\.[^.]+\.[a-z0-9.-]+$/);
        // The region is one whole label of the host, as given (host names are lowercase).
        expect(url.hostname.split(".")[2]).toBe(normalized.toLowerCase());
      }),
      RUNS,
    );
  });

  it("a custom endpoint keeps its base path, loses its query, and gets the operation's path", () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9._~-]{1,8}$/);
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 4 }),
        fc.constantFrom("", "/", "//"),
        fc.constantFrom("", "?x=1", "?a=b&c"),
        (segments, trailing, query) => {
          const base = new URL(`https://h.example.com/${segments.join("/")}${trailing}${query}`);
          const url = withOperationPath(
            resolveEndpoint({
              region: "us-east-1",
              useFipsEndpoint: false,
              useDualstackEndpoint: false,
              endpoint: base,
            }),
            "/endpoints/e/invocations",
          );
          const prefix = base.pathname.replace(/\/+$/, "");
          expect(url.pathname).toBe(`${prefix}/endpoints/e/invocations`);
          expect(url.search).toBe("");
          expect(url.host).toBe("h.example.com");
        },
      ),
      RUNS,
    );
  });
});

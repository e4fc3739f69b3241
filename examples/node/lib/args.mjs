// The command line: parsing, the help text, and where the request body comes from.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";

export const USAGE = `usage: node cli.mjs <invoke|stream> --endpoint-name NAME [options]

  invoke    InvokeEndpoint: prints the answer's body
  stream    InvokeEndpointWithResponseStream: prints the answer as it arrives

options:
  --endpoint-name NAME    the SageMaker endpoint (required)
  --body TEXT             the request body; or --body-file PATH ("-": stdin); or piped stdin
  --content-type TYPE     default: application/json
  --accept TYPE           the MIME type wanted back
  --region REGION         default: $AWS_REGION, $AWS_DEFAULT_REGION
  --endpoint-url URL      default: $AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME, $AWS_ENDPOINT_URL, AWS
  --emulator              start a local emulator (demo endpoints: echo, sentiment, chat, …)
  --raw                   stream: print the parts' text as is, not the tokens in it
  --progress, --no-progress
                          stream: the progress line on stderr (default: when it is a terminal)
  -h, --help

credentials: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN (the emulator's
demo key with --emulator). Exit status: 0 ok, 1 the call failed, 2 usage, 130 interrupted.`;

/** A mistake on the command line: exit status 2. */
export class UsageError extends Error {
  /** @override */
  name = "UsageError";
}

/**
 * What the command line asks for.
 * @typedef {object} Options
 * @property {"invoke" | "stream"} command
 * @property {string} endpointName
 * @property {string | undefined} body
 * @property {string | undefined} bodyFile
 * @property {string} contentType
 * @property {string | undefined} accept
 * @property {boolean} emulator
 * @property {string | undefined} region
 * @property {string | undefined} endpointUrl
 * @property {boolean} raw
 * @property {boolean | undefined} progress `undefined`: when stderr is a terminal
 */

const OPTIONS = /** @type {const} */ ({
  "endpoint-name": { type: "string" },
  body: { type: "string" },
  "body-file": { type: "string" },
  "content-type": { type: "string", default: "application/json" },
  accept: { type: "string" },
  region: { type: "string" },
  "endpoint-url": { type: "string" },
  emulator: { type: "boolean", default: false },
  raw: { type: "boolean", default: false },
  progress: { type: "boolean" },
  "no-progress": { type: "boolean" },
  help: { type: "boolean", short: "h", default: false },
});

/**
 * The command and its options, from `argv` and the environment.
 * @param {string[]} argv
 * @param {Record<string, string | undefined>} env
 * @returns {Options | { command: "help" }}
 */
export function parseCommandLine(argv, env) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    throw new UsageError(/** @type {Error} */ (error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: "help" };
  const [command, ...extra] = positionals;
  if (command !== "invoke" && command !== "stream") {
    throw new UsageError(command ? `Unknown command "${command}".` : "Name a command.");
  }
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
  const endpointName = values["endpoint-name"];
  if (!endpointName) throw new UsageError("--endpoint-name is required.");
  if (values.body !== undefined && values["body-file"] !== undefined) {
    throw new UsageError("Give --body or --body-file, not both.");
  }
  return {
    command,
    endpointName,
    body: values.body,
    bodyFile: values["body-file"],
    contentType: values["content-type"],
    accept: values.accept,
    emulator: values.emulator,
    region: values.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION,
    endpointUrl:
      values["endpoint-url"] ?? env.AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME ?? env.AWS_ENDPOINT_URL,
    raw: values.raw,
    progress: values["no-progress"] ? false : values.progress,
  };
}

/**
 * The request body: `--body`, `--body-file` (`-` for stdin), or stdin when it is piped.
 * @param {{ body?: string, bodyFile?: string }} options
 * @param {NodeJS.ReadStream} stdin
 * @returns {Promise<string | Uint8Array>}
 */
export async function readBody({ body, bodyFile }, stdin) {
  if (body !== undefined) return body;
  if (bodyFile !== undefined && bodyFile !== "-") {
    try {
      return new Uint8Array(await readFile(bodyFile));
    } catch (error) {
      throw new UsageError(`Cannot read --body-file: ${/** @type {Error} */ (error).message}`);
    }
  }
  if (bodyFile === undefined && stdin.isTTY) {
    throw new UsageError("Give a body: --body, --body-file, or pipe it in.");
  }
  const chunks = [];
  for await (const chunk of stdin) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

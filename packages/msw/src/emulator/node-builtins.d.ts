// The few Node APIs the emulator (a Node-only CLI) and its tests use. The package's sources are
// otherwise web-standard and have no @types/node; these declarations cover just what is called
// here, and never reach the published types (the emulator's public API names none of them).

declare module "node:http" {
  interface IncomingMessage extends AsyncIterable<Uint8Array> {
    method?: string;
    url?: string;
    headers: Record<string, string | string[] | undefined>;
    /** Names and values as received, alternating: `[name, value, name, value, …]`. */
    rawHeaders: string[];
  }
  interface ServerResponse {
    statusCode: number;
    headersSent: boolean;
    writableFinished: boolean;
    destroyed: boolean;
    writeHead(status: number, headers?: Record<string, string | string[]>): this;
    flushHeaders(): void;
    write(chunk: Uint8Array, callback?: () => void): boolean;
    end(chunk?: Uint8Array | string): this;
    destroy(error?: Error): this;
    once(event: "drain" | "close", listener: () => void): this;
    off(event: "drain" | "close", listener: () => void): this;
  }
  interface AddressInfo {
    address: string;
    family: string;
    port: number;
  }
  interface Server {
    listen(port: number, host: string, callback: () => void): this;
    address(): AddressInfo | string | null;
    close(callback?: (error?: Error) => void): this;
    closeIdleConnections(): void;
    closeAllConnections(): void;
    once(event: "error", listener: (error: Error) => void): this;
    off(event: "error", listener: (error: Error) => void): this;
  }
  function createServer(
    listener: (request: IncomingMessage, response: ServerResponse) => void,
  ): Server;
}

declare module "node:util" {
  interface ParseArgsOption {
    type: "string" | "boolean";
    short?: string;
    multiple?: boolean;
  }
  function parseArgs(config: {
    args?: string[];
    options: Record<string, ParseArgsOption>;
    strict?: boolean;
    allowPositionals?: boolean;
    allowNegative?: boolean;
  }): {
    values: Record<string, string | boolean | (string | boolean)[] | undefined>;
    positionals: string[];
  };
}

declare module "node:child_process" {
  interface Readable {
    setEncoding(encoding: "utf8"): void;
    on(event: "data", listener: (chunk: string) => void): void;
  }
  interface ChildProcess {
    pid?: number;
    exitCode: number | null;
    signalCode: string | null;
    stdout: Readable;
    stderr: Readable;
    kill(signal?: "SIGTERM" | "SIGINT" | "SIGKILL"): boolean;
    once(event: "exit", listener: (code: number | null, signal: string | null) => void): void;
  }
  function spawn(
    command: string,
    args: string[],
    options?: { env?: Record<string, string | undefined>; stdio?: "pipe" },
  ): ChildProcess;
  function execFile(
    file: string,
    args: string[],
    options: { env?: Record<string, string | undefined>; timeout?: number },
    callback: (error: (Error & { code?: number }) | null, stdout: string, stderr: string) => void,
  ): ChildProcess;
}

declare module "node:fs" {
  function existsSync(path: string): boolean;
}

declare module "node:fs/promises" {
  function mkdtemp(prefix: string): Promise<string>;
  function readFile(path: string, encoding: "utf8"): Promise<string>;
  function rm(path: string, options: { recursive: boolean; force: boolean }): Promise<void>;
  function writeFile(path: string, data: string): Promise<void>;
}

declare module "node:os" {
  function tmpdir(): string;
}

declare module "node:path" {
  function join(...parts: string[]): string;
  function resolve(...parts: string[]): string;
  function extname(path: string): string;
}

declare module "node:url" {
  function fileURLToPath(url: URL | string): string;
  function pathToFileURL(path: string): URL;
}

declare const process: {
  argv: string[];
  env: Record<string, string | undefined>;
  execPath: string;
  exitCode: number | undefined;
  stdout: { write(text: string): boolean };
  stderr: { write(text: string): boolean };
  on(event: "SIGTERM" | "SIGINT", listener: () => void): void;
  exit(code?: number): never;
};

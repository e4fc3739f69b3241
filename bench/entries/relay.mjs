// What a forwarding relay (a Worker, an Edge function) bundles.
import { createRelay } from "@sagefetch/relay";

export default createRelay({ allowedOrigins: ["https://app.example"] });

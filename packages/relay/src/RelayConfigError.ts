/** `createRelay` was given an option it cannot use; `field` names it (`allowedOrigins[1]`). */
export class RelayConfigError extends TypeError {
  override name = "RelayConfigError" as const;
  /** The option at fault, as written in the options object. */
  readonly field: string;
  constructor(field: string, problem: string) {
    super(`createRelay: ${field} ${problem}`);
    this.field = field;
  }
}

/** Every message of the declaration loader, in one place so tests compare them exactly. */
export const loaderMessages = {
  exitedEarly: (code: number) =>
    `exited with code ${code} before returning its declaration; a declaration file must only declare (remove the process.exit call or whatever ends the process)`,
  killed: (signal: string) => `was stopped by signal ${signal} before returning its declaration (out of memory?)`,
  timedOut: (seconds: number) =>
    `did not finish within ${seconds} s (an endless loop?); a declaration file must only declare. If it really needs longer, set BAIKAL_LOAD_TIMEOUT=<seconds>`,
  threw: (reason: string, elsewhere?: string) => `could not be loaded: ${reason}${elsewhere ? ` (thrown at ${elsewhere})` : ""}`,
  notData: (what: string) =>
    `is ${what}, not data; declarations hold only strings, numbers, booleans, null, arrays and plain objects (compute values before declaring them)`,
  doesNotCompile: (text: string) => `does not compile: ${text}`,
  loaderFailed: (reason: string) => `could not be evaluated: the loader process failed (${reason})`,
  badTimeout: (given: string) =>
    `BAIKAL_LOAD_TIMEOUT must be a number of seconds greater than 0, e.g. BAIKAL_LOAD_TIMEOUT=60; it is "${given}"`,
} as const;

/** One JSON object per line, so CloudWatch Logs Insights can filter on any field. */
export type LogLevel = "debug" | "info" | "warn" | "error";

export type LogFields = Readonly<Record<string, unknown>>;

export type Logger = (level: LogLevel, msg: string, fields?: LogFields) => void;

export const consoleLogger: Logger = (level, msg, fields = {}) => {
  console.log(JSON.stringify({ level, msg, ...fields }));
};

/** Error details safe to log: AWS SDK errors carry request ids but never credentials or webhook URLs. */
export function describeError(error: unknown): { errorName: string; errorMessage: string } {
  if (error instanceof Error) return { errorName: error.name, errorMessage: error.message };
  return { errorName: "NonError", errorMessage: String(error) };
}

/** One JSON object per line, so CloudWatch Logs Insights can filter on any field. */
export type LogLevel = "debug" | "info" | "warn" | "error";
export type Logger = (level: LogLevel, msg: string, fields?: Readonly<Record<string, unknown>>) => void;

export const consoleLogger: Logger = (level, msg, fields = {}) => {
  console.log(JSON.stringify({ level, msg, ...fields }));
};

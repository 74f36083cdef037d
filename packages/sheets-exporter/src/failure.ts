import { PublishCommand, type SNSClient } from "@aws-sdk/client-sns";
import type { Config } from "./config.ts";

/** The message people read (email) and the cost monitor's Slack notifier posts as text. */
export function failureMessage(config: Pick<Config, "exportId" | "sheet" | "spreadsheetId">, reason: string): { subject: string; message: string } {
  return {
    subject: `Export ${config.exportId} failed`.slice(0, 100),
    message: `Export ${config.exportId} (Google Sheets tab "${config.sheet}" of spreadsheet ${config.spreadsheetId}) failed; the tab was left as it was.\n${reason}`,
  };
}

/** Publishes the failure to the domain's failure topic, where the transform alerts already reach Slack. */
export async function publishFailure(sns: SNSClient, config: Config, reason: string): Promise<void> {
  const { subject, message } = failureMessage(config, reason);
  await sns.send(new PublishCommand({ TopicArn: config.failureTopicArn, Subject: subject, Message: message }));
}

/** Why Google refused, with what to do when it is the usual mistake: the spreadsheet not shared with the account. */
export function googleFailureReason(what: string, detail: string, status: number | undefined, clientEmail: string): string {
  const hint =
    status === 403 || status === 404
      ? `; share the spreadsheet with ${clientEmail} as an editor (Share, then add that address), and check the spreadsheet id`
      : "";
  return `Google Sheets could not ${what}: ${detail}${hint}`;
}

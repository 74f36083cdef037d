import { AthenaClient, GetQueryExecutionCommand, GetQueryResultsCommand, StartQueryExecutionCommand, StopQueryExecutionCommand } from "@aws-sdk/client-athena";
import { GetSecretValueCommand, ResourceNotFoundException, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { mockClient } from "aws-sdk-client-mock";

export interface ViewResult {
  readonly columns: readonly { name: string; type: string }[];
  readonly rows: readonly (readonly (string | null)[])[];
}

/**
 * Athena, Secrets Manager and SNS stood in by aws-sdk-client-mock: a query runs for two polls and then returns the
 * result in pages of 1000 rows, the header first, as Athena does; the secret holds what the test sets.
 */
export function mockAws() {
  const athena = mockClient(AthenaClient);
  const secrets = mockClient(SecretsManagerClient);
  const sns = mockClient(SNSClient);
  const state = { secret: undefined as string | undefined, result: { columns: [], rows: [] } as ViewResult, queryState: "SUCCEEDED", reason: "" };

  const reset = () => {
    for (const mock of [athena, secrets, sns]) mock.reset();
    state.secret = undefined;
    state.result = { columns: [], rows: [] };
    state.queryState = "SUCCEEDED";
    let polls = 0;
    athena.on(StartQueryExecutionCommand).callsFake(() => {
      polls = 0;
      return { QueryExecutionId: "q-1" };
    });
    athena.on(GetQueryExecutionCommand).callsFake(() => {
      polls += 1;
      const current = polls < 3 ? "RUNNING" : state.queryState;
      return { QueryExecution: { QueryExecutionId: "q-1", Status: { State: current, StateChangeReason: state.reason || undefined } } };
    });
    athena.on(StopQueryExecutionCommand).resolves({});
    athena.on(GetQueryResultsCommand).callsFake(({ NextToken, MaxResults }: { NextToken?: string; MaxResults: number }) => {
      const all = [state.result.columns.map((c) => c.name), ...state.result.rows];
      const start = NextToken ? Number(NextToken) : 0;
      const end = start + MaxResults;
      return {
        ResultSet: {
          ResultSetMetadata: { ColumnInfo: state.result.columns.map((c) => ({ Name: c.name, Label: c.name, Type: c.type })) },
          Rows: all.slice(start, end).map((row) => ({ Data: row.map((v) => (v === null ? {} : { VarCharValue: v })) })),
        },
        NextToken: end < all.length ? String(end) : undefined,
      };
    });
    secrets.on(GetSecretValueCommand).callsFake(() => {
      if (state.secret === undefined) {
        throw new ResourceNotFoundException({ message: "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT", $metadata: {} });
      }
      return { SecretString: state.secret };
    });
    sns.on(PublishCommand).resolves({ MessageId: "m-1" });
  };
  reset();
  const published = () => sns.commandCalls(PublishCommand).map((c) => c.args[0].input);
  return { athena, secrets, sns, state, reset, published };
}

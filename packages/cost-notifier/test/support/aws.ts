import {
  AthenaClient,
  BatchGetQueryExecutionCommand,
  GetQueryExecutionCommand,
  InvalidRequestException,
  ListQueryExecutionsCommand,
  ListWorkGroupsCommand,
  type QueryExecution,
} from "@aws-sdk/client-athena";
import { CloudTrailClient, type Event as TrailEvent, LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DynamoDBClient,
  PutItemCommand,
  type PutItemCommandInput,
} from "@aws-sdk/client-dynamodb";
import { HeadObjectCommand, NotFound, PutObjectCommand, type PutObjectCommandInput, S3Client } from "@aws-sdk/client-s3";
import { GetSecretValueCommand, ResourceNotFoundException, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { mockClient } from "aws-sdk-client-mock";

/**
 * AWS stand-ins built on aws-sdk-client-mock: the clients' `send` is stubbed on the class, so the module's own
 * client instances are the ones mocked. S3 and DynamoDB behave like tiny in-memory services (conditional put,
 * 404 on a missing key) so duplicate-delivery tests exercise the real idempotency logic.
 */
export function mockAws() {
  const athena = mockClient(AthenaClient);
  const cloudTrail = mockClient(CloudTrailClient);
  const s3 = mockClient(S3Client);
  const dynamodb = mockClient(DynamoDBClient);
  const secrets = mockClient(SecretsManagerClient);

  const state = {
    executions: new Map<string, QueryExecution>(),
    workgroups: new Map<string, string[]>(),
    trail: [] as TrailEvent[],
    objects: new Map<string, PutObjectCommandInput>(),
    markers: new Map<string, PutItemCommandInput>(),
    secret: undefined as string | undefined,
  };

  const reset = () => {
    for (const mock of [athena, cloudTrail, s3, dynamodb, secrets]) mock.reset();
    state.executions.clear();
    state.workgroups.clear();
    state.trail = [];
    state.objects.clear();
    state.markers.clear();
    state.secret = undefined;

    athena.on(GetQueryExecutionCommand).callsFake(({ QueryExecutionId }: { QueryExecutionId: string }) => {
      const execution = state.executions.get(QueryExecutionId);
      if (!execution) {
        throw new InvalidRequestException({ message: `QueryExecution ${QueryExecutionId} was not found`, $metadata: {} });
      }
      return { QueryExecution: execution };
    });
    athena.on(BatchGetQueryExecutionCommand).callsFake(({ QueryExecutionIds }: { QueryExecutionIds: string[] }) => ({
      QueryExecutions: QueryExecutionIds.flatMap((id) => state.executions.get(id) ?? []),
    }));
    athena.on(ListWorkGroupsCommand).callsFake(() => ({
      WorkGroups: [...state.workgroups.keys()].map((Name) => ({ Name, State: "ENABLED" })),
    }));
    // Newest first, 50 per page, like Athena.
    athena.on(ListQueryExecutionsCommand).callsFake(({ WorkGroup, NextToken }: { WorkGroup: string; NextToken?: string }) => {
      const ids = state.workgroups.get(WorkGroup) ?? [];
      const start = NextToken ? Number(NextToken) : 0;
      const end = start + 50;
      return { QueryExecutionIds: ids.slice(start, end), NextToken: end < ids.length ? String(end) : undefined };
    });

    cloudTrail.on(LookupEventsCommand).callsFake(() => ({ Events: state.trail }));

    s3.on(PutObjectCommand).callsFake((input: PutObjectCommandInput) => {
      state.objects.set(input.Key ?? "", input);
      return {};
    });
    s3.on(HeadObjectCommand).callsFake(({ Key }: { Key: string }) => {
      if (!state.objects.has(Key)) throw new NotFound({ message: "NotFound", $metadata: { httpStatusCode: 404 } });
      return {};
    });

    dynamodb.on(PutItemCommand).callsFake((input: PutItemCommandInput) => {
      const pk = input.Item?.pk?.S ?? "";
      if (input.ConditionExpression === "attribute_not_exists(pk)" && state.markers.has(pk)) {
        throw new ConditionalCheckFailedException({ message: "The conditional request failed", $metadata: {} });
      }
      state.markers.set(pk, input);
      return {};
    });
    dynamodb.on(DeleteItemCommand).callsFake(({ Key }: { Key: Record<string, { S?: string }> }) => {
      state.markers.delete(Key.pk?.S ?? "");
      return {};
    });

    secrets.on(GetSecretValueCommand).callsFake(() => {
      if (state.secret === undefined) {
        throw new ResourceNotFoundException({
          message: "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT",
          $metadata: {},
        });
      }
      return { SecretString: state.secret };
    });
  };
  reset();

  /** Parsed JSON of the record stored under `key`. */
  const record = (key: string): Record<string, unknown> => {
    const body = state.objects.get(key)?.Body;
    if (typeof body !== "string") throw new Error(`no record at ${key}; have ${[...state.objects.keys()].join(", ")}`);
    return JSON.parse(body) as Record<string, unknown>;
  };

  return { athena, cloudTrail, s3, dynamodb, secrets, state, reset, record };
}

export type AwsMocks = ReturnType<typeof mockAws>;

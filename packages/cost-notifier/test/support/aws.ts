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
  type AttributeValue,
  DeleteItemCommand,
  type DeleteItemCommandInput,
  DynamoDBClient,
  PutItemCommand,
  type PutItemCommandInput,
  QueryCommand,
  type QueryCommandInput,
  UpdateItemCommand,
  type UpdateItemCommandInput,
} from "@aws-sdk/client-dynamodb";
import { HeadObjectCommand, NotFound, PutObjectCommand, type PutObjectCommandInput, S3Client } from "@aws-sdk/client-s3";
import { GetSecretValueCommand, ResourceNotFoundException, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { mockClient } from "aws-sdk-client-mock";
import { IDEMPOTENCY_TABLE_SCHEMA as SCHEMA } from "../../src/config.ts";
import { DynamoDbTable } from "./dynamodb-table.ts";

/**
 * AWS stand-ins built on aws-sdk-client-mock: the clients' `send` is stubbed on the class, so the module's own
 * client instances are the ones mocked. S3 and DynamoDB behave like tiny in-memory services (404 on a missing
 * key; DynamoDB's expression language, conditional writes and the pending-alerts index) so duplicate-delivery,
 * concurrency and lost-alert tests exercise the real claim logic.
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
    claims: new DynamoDbTable(SCHEMA.partitionKey, {
      [SCHEMA.pendingIndex]: { hashKey: SCHEMA.statusAttribute, rangeKey: SCHEMA.leaseAttribute },
    }),
    secret: undefined as string | undefined,
  };

  const reset = () => {
    for (const mock of [athena, cloudTrail, s3, dynamodb, secrets]) mock.reset();
    state.executions.clear();
    state.workgroups.clear();
    state.trail = [];
    state.objects.clear();
    state.claims.items.clear();
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

    dynamodb.on(PutItemCommand).callsFake((input: PutItemCommandInput) => state.claims.put(input));
    dynamodb.on(UpdateItemCommand).callsFake((input: UpdateItemCommandInput) => state.claims.update(input));
    dynamodb.on(DeleteItemCommand).callsFake((input: DeleteItemCommandInput) => state.claims.delete(input));
    dynamodb.on(QueryCommand).callsFake((input: QueryCommandInput) => state.claims.query(input));

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

  /** The claim of a query as plain values (`{ status: "posted", attempts: 1, ... }`), or undefined. */
  const claim = (queryExecutionId: string): Record<string, string | number> | undefined => {
    const item = state.claims.items.get(`alert#${queryExecutionId}`);
    return item && Object.fromEntries(Object.entries(item).map(([name, value]) => [name, plain(value)]));
  };

  return { athena, cloudTrail, s3, dynamodb, secrets, state, reset, record, claim };
}

function plain(value: AttributeValue): string | number {
  if (value.N !== undefined) return Number(value.N);
  if (value.S !== undefined) return value.S;
  throw new Error(`the claims table holds only strings and numbers, got ${JSON.stringify(value)}`);
}

export type AwsMocks = ReturnType<typeof mockAws>;

import { describe, expect, it } from "vitest";
import { DynamoDbTable } from "./support/dynamodb-table.ts";

/** The stand-in the claim tests run against must refuse and accept what DynamoDB does. */
describe("DynamoDbTable (test stand-in)", () => {
  const table = () => new DynamoDbTable("pk", { byLease: { hashKey: "status", rangeKey: "lease" } });
  const key = { pk: { S: "a" } };

  it("creates an item with an update, sets if_not_exists once, adds to a counter and removes attributes", () => {
    const t = table();
    const update = (ttl: string) =>
      t.update({
        TableName: "t",
        Key: key,
        UpdateExpression: "SET #s = :s, #ttl = if_not_exists(#ttl, :ttl) ADD n :one REMOVE gone",
        ExpressionAttributeNames: { "#s": "status", "#ttl": "expiresAt" },
        ExpressionAttributeValues: { ":s": { S: "pending" }, ":ttl": { N: ttl }, ":one": { N: "1" } },
        ReturnValues: "ALL_NEW",
      });
    update("10");
    t.items.get("a")!.gone = { S: "x" };
    expect(update("20").Attributes).toEqual({ pk: { S: "a" }, status: { S: "pending" }, expiresAt: { N: "10" }, n: { N: "2" } });
  });

  it("fails a write whose condition does not hold, returning the old item only when asked", () => {
    const t = table();
    t.items.set("a", { pk: { S: "a" }, status: { S: "posted" } });
    const write = (returnOld?: "ALL_OLD") => {
      try {
        t.update({
          TableName: "t",
          Key: key,
          UpdateExpression: "SET x = :x",
          ConditionExpression: "attribute_not_exists(pk) OR (#s = :p AND lease <= :now)",
          ExpressionAttributeNames: { "#s": "status" },
          ExpressionAttributeValues: { ":x": { S: "y" }, ":p": { S: "pending" }, ":now": { N: "5" } },
          ReturnValuesOnConditionCheckFailure: returnOld,
        });
        return undefined;
      } catch (error) {
        return error as { name: string; Item?: unknown };
      }
    };
    expect(write()).toMatchObject({ name: "ConditionalCheckFailedException" });
    expect(write()?.Item).toBeUndefined();
    expect(write("ALL_OLD")?.Item).toEqual({ pk: { S: "a" }, status: { S: "posted" } });
    expect(t.items.get("a")).toEqual({ pk: { S: "a" }, status: { S: "posted" } });
  });

  it("compares numbers as numbers and treats a missing attribute as failing every comparison", () => {
    const t = table();
    t.items.set("a", { pk: { S: "a" }, status: { S: "pending" }, lease: { N: "9" } });
    const deleteIf = (condition: string, now: string) => {
      try {
        t.delete({ TableName: "t", Key: key, ConditionExpression: condition, ExpressionAttributeValues: { ":now": { N: now } } });
        return true;
      } catch {
        return false;
      }
    };
    expect(deleteIf("lease <= :now", "10")).toBe(true);
    t.items.set("a", { pk: { S: "a" }, status: { S: "pending" } });
    expect(deleteIf("lease <= :now", "100")).toBe(false);
    expect(deleteIf("lease <> :now", "100")).toBe(false);
  });

  it("refuses undefined and unused placeholders, as DynamoDB does", () => {
    const t = table();
    expect(() => t.delete({ TableName: "t", Key: key, ConditionExpression: "#s = :v", ExpressionAttributeValues: { ":v": { S: "x" } } })).toThrow(
      "An expression attribute name or value used in an expression is not defined: #s",
    );
    expect(() =>
      t.delete({ TableName: "t", Key: key, ConditionExpression: "attribute_exists(pk)", ExpressionAttributeValues: { ":v": { S: "x" } } }),
    ).toThrow("Value provided in ExpressionAttributeNames/Values unused in expressions: :v");
  });

  it("queries an index: only items with both its keys, in range order, a page at a time", () => {
    const t = table();
    t.items.set("a", { pk: { S: "a" }, status: { S: "pending" }, lease: { N: "30" } });
    t.items.set("b", { pk: { S: "b" }, status: { S: "pending" }, lease: { N: "10" } });
    t.items.set("c", { pk: { S: "c" }, status: { S: "posted" } });
    t.items.set("d", { pk: { S: "d" }, status: { S: "pending" }, lease: { N: "99" } });
    const query = (limit: number, start?: Record<string, { S: string }>) =>
      t.query({
        TableName: "t",
        IndexName: "byLease",
        KeyConditionExpression: "#s = :p AND lease <= :now",
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: { ":p": { S: "pending" }, ":now": { N: "50" } },
        Limit: limit,
        ExclusiveStartKey: start,
      });
    const first = query(1);
    expect(first.Items.map((i) => i.pk!.S)).toEqual(["b"]);
    const second = query(1, first.LastEvaluatedKey as Record<string, { S: string }>);
    expect(second.Items.map((i) => i.pk!.S)).toEqual(["a"]);
    expect(second.LastEvaluatedKey).toBeUndefined();
  });
});

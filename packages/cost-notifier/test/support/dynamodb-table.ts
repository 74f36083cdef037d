import {
  type AttributeValue,
  ConditionalCheckFailedException,
  type DeleteItemCommandInput,
  type PutItemCommandInput,
  type QueryCommandInput,
  type UpdateItemCommandInput,
} from "@aws-sdk/client-dynamodb";

type Item = Record<string, AttributeValue>;
type Names = Record<string, string> | undefined;
type Values = Record<string, AttributeValue> | undefined;

/** A global secondary index: items with both key attributes, in range-key order. */
export interface IndexSchema {
  readonly hashKey: string;
  readonly rangeKey: string;
}

/**
 * A DynamoDB table in memory, for aws-sdk-client-mock to answer PutItem, UpdateItem, DeleteItem and Query with.
 * It evaluates the expression language the way DynamoDB documents it (condition and key-condition expressions with
 * comparisons, AND/OR, parentheses, attribute_exists/attribute_not_exists; update expressions with SET,
 * if_not_exists, ADD and REMOVE), rejects unknown or unused placeholders as DynamoDB does, and fails conditional
 * writes with ConditionalCheckFailedException (carrying the old item when asked). Each call is atomic, as in
 * DynamoDB: the JavaScript event loop runs it to completion.
 */
export class DynamoDbTable {
  readonly items = new Map<string, Item>();

  constructor(
    readonly hashKey: string,
    readonly indexes: Readonly<Record<string, IndexSchema>> = {},
  ) {}

  put(input: PutItemCommandInput): Record<string, never> {
    checkPlaceholders([input.ConditionExpression], input.ExpressionAttributeNames, input.ExpressionAttributeValues);
    const item = input.Item ?? {};
    const key = this.keyOf(item);
    this.check(input.ConditionExpression, this.items.get(key), input.ExpressionAttributeNames, input.ExpressionAttributeValues, input.ReturnValuesOnConditionCheckFailure);
    this.items.set(key, structuredClone(item));
    return {};
  }

  update(input: UpdateItemCommandInput): { Attributes?: Item } {
    checkPlaceholders([input.ConditionExpression, input.UpdateExpression], input.ExpressionAttributeNames, input.ExpressionAttributeValues);
    const key = this.keyOf(input.Key ?? {});
    const old = this.items.get(key);
    const names = input.ExpressionAttributeNames;
    const values = input.ExpressionAttributeValues;
    this.check(input.ConditionExpression, old, names, values, input.ReturnValuesOnConditionCheckFailure);
    const next: Item = structuredClone(old ?? { ...input.Key });
    applyUpdate(input.UpdateExpression ?? "", next, names, values);
    this.items.set(key, next);
    return input.ReturnValues === "ALL_NEW" ? { Attributes: structuredClone(next) } : {};
  }

  delete(input: DeleteItemCommandInput): Record<string, never> {
    checkPlaceholders([input.ConditionExpression], input.ExpressionAttributeNames, input.ExpressionAttributeValues);
    const key = this.keyOf(input.Key ?? {});
    this.check(input.ConditionExpression, this.items.get(key), input.ExpressionAttributeNames, input.ExpressionAttributeValues, input.ReturnValuesOnConditionCheckFailure);
    this.items.delete(key);
    return {};
  }

  /** Query on a global secondary index (eventually consistent in DynamoDB; here always current). */
  query(input: QueryCommandInput): { Items: Item[]; LastEvaluatedKey?: Item } {
    const index = input.IndexName ? this.indexes[input.IndexName] : undefined;
    if (!index) throw validation(`The table does not have the specified index: ${input.IndexName}`);
    checkPlaceholders([input.KeyConditionExpression], input.ExpressionAttributeNames, input.ExpressionAttributeValues);
    const condition = parseExpression(tokenize(input.KeyConditionExpression ?? ""));
    const inIndex = [...this.items.values()].filter((item) => index.hashKey in item && index.rangeKey in item);
    const matching = inIndex
      .filter((item) => evaluate(condition, item, input.ExpressionAttributeNames, input.ExpressionAttributeValues))
      .sort((a, b) => compare(a[index.rangeKey]!, b[index.rangeKey]!));
    const start = input.ExclusiveStartKey ? matching.findIndex((item) => this.keyOf(item) === this.keyOf(input.ExclusiveStartKey!)) + 1 : 0;
    const limit = input.Limit ?? Number.POSITIVE_INFINITY;
    const page = matching.slice(start, start + limit);
    const more = start + page.length < matching.length;
    return { Items: structuredClone(page), ...(more ? { LastEvaluatedKey: { [this.hashKey]: page.at(-1)![this.hashKey]! } } : {}) };
  }

  private keyOf(item: Item): string {
    const key = item[this.hashKey]?.S;
    if (key === undefined) throw validation(`One of the required keys was not given a value: ${this.hashKey}`);
    return key;
  }

  private check(expression: string | undefined, old: Item | undefined, names: Names, values: Values, returnOld: string | undefined): void {
    if (expression === undefined) return;
    if (evaluate(parseExpression(tokenize(expression)), old ?? {}, names, values)) return;
    throw new ConditionalCheckFailedException({
      message: "The conditional request failed",
      $metadata: {},
      ...(returnOld === "ALL_OLD" && old ? { Item: structuredClone(old) } : {}),
    });
  }
}

function validation(message: string): Error {
  return Object.assign(new Error(message), { name: "ValidationException" });
}

/** DynamoDB refuses a request whose expressions use an undefined placeholder or leave a defined one unused. */
function checkPlaceholders(expressions: readonly (string | undefined)[], names: Names, values: Values): void {
  const referenced = new Set(expressions.flatMap((expression) => expression?.match(/[#:][A-Za-z0-9_]+/g) ?? []));
  const defined = [...Object.keys(names ?? {}), ...Object.keys(values ?? {})];
  const undefinedOnes = [...referenced].filter((placeholder) => !defined.includes(placeholder));
  if (undefinedOnes.length > 0) throw validation(`An expression attribute name or value used in an expression is not defined: ${undefinedOnes.join(", ")}`);
  const unused = defined.filter((placeholder) => !referenced.has(placeholder));
  if (unused.length > 0) throw validation(`Value provided in ExpressionAttributeNames/Values unused in expressions: ${unused.join(", ")}`);
}

// --- expressions -----------------------------------------------------------------------------------------------

type Token = string;

function tokenize(text: string): Token[] {
  const tokens = text.match(/<=|>=|<>|[=<>(),]|[#:]?[A-Za-z0-9_]+/g) ?? [];
  if (tokens.join("") !== text.replace(/\s+/g, "")) throw validation(`Invalid expression: ${text}`);
  return tokens;
}

type Node =
  | { readonly op: "and" | "or"; readonly left: Node; readonly right: Node }
  | { readonly op: "exists" | "not_exists"; readonly path: string }
  | { readonly op: "compare"; readonly comparator: string; readonly left: string; readonly right: string };

function parseExpression(tokens: Token[]): Node {
  let position = 0;
  const peek = () => tokens[position];
  const next = () => {
    const token = tokens[position++];
    if (token === undefined) throw validation("Invalid expression: unexpected end");
    return token;
  };
  const expect = (token: string) => {
    if (next() !== token) throw validation(`Invalid expression: expected ${token}`);
  };
  const or = (): Node => {
    let left = and();
    while (peek()?.toUpperCase() === "OR") {
      next();
      left = { op: "or", left, right: and() };
    }
    return left;
  };
  const and = (): Node => {
    let left = factor();
    while (peek()?.toUpperCase() === "AND") {
      next();
      left = { op: "and", left, right: factor() };
    }
    return left;
  };
  const factor = (): Node => {
    const token = next();
    if (token === "(") {
      const inner = or();
      expect(")");
      return inner;
    }
    if (token === "attribute_exists" || token === "attribute_not_exists") {
      expect("(");
      const path = next();
      expect(")");
      return { op: token === "attribute_exists" ? "exists" : "not_exists", path };
    }
    const comparator = next();
    if (!["=", "<>", "<", "<=", ">", ">="].includes(comparator)) throw validation(`Invalid expression: unknown comparator ${comparator}`);
    return { op: "compare", comparator, left: token, right: next() };
  };
  const node = or();
  if (position !== tokens.length) throw validation(`Invalid expression: unexpected ${tokens[position]}`);
  return node;
}

/** The attribute name a path token stands for (`#status` → its name, `pk` → itself). */
function attributeName(token: string, names: Names): string {
  if (!token.startsWith("#")) return token;
  const name = names?.[token];
  if (name === undefined) throw validation(`An expression attribute name used in the document path is not defined; attribute name: ${token}`);
  return name;
}

function operand(token: string, item: Item, names: Names, values: Values): AttributeValue | undefined {
  if (token.startsWith(":")) {
    const value = values?.[token];
    if (value === undefined) throw validation(`An expression attribute value used in expression is not defined; attribute value: ${token}`);
      return value;
  }
  return item[attributeName(token, names)];
}

function evaluate(node: Node, item: Item, names: Names, values: Values): boolean {
  switch (node.op) {
    case "and": {
      const left = evaluate(node.left, item, names, values);
      return evaluate(node.right, item, names, values) && left;
    }
    case "or": {
      const left = evaluate(node.left, item, names, values);
      return evaluate(node.right, item, names, values) || left;
    }
    case "exists":
      return attributeName(node.path, names) in item;
    case "not_exists":
      return !(attributeName(node.path, names) in item);
    case "compare": {
      const left = operand(node.left, item, names, values);
      const right = operand(node.right, item, names, values);
      // A missing attribute, or values of different types, compare false.
      if (left === undefined || right === undefined || typeOf(left) !== typeOf(right)) return false;
      const order = compare(left, right);
      return { "=": order === 0, "<>": order !== 0, "<": order < 0, "<=": order <= 0, ">": order > 0, ">=": order >= 0 }[node.comparator]!;
    }
  }
}

function typeOf(value: AttributeValue): string {
  return Object.keys(value)[0] ?? "";
}

function compare(a: AttributeValue, b: AttributeValue): number {
  if (a.N !== undefined && b.N !== undefined) return Math.sign(Number(a.N) - Number(b.N));
  const [x, y] = [a.S ?? "", b.S ?? ""];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** SET a = v, b = if_not_exists(b, v) / ADD n :one / REMOVE a, b — clauses in any order. */
function applyUpdate(expression: string, item: Item, names: Names, values: Values): void {
  const tokens = tokenize(expression);
  let position = 0;
  const next = () => {
    const token = tokens[position++];
    if (token === undefined) throw validation("Invalid UpdateExpression: unexpected end");
    return token;
  };
  const clause = (token: string | undefined) => ["SET", "ADD", "REMOVE"].includes(token?.toUpperCase() ?? "");
  while (position < tokens.length) {
    const keyword = next().toUpperCase();
    if (!clause(keyword)) throw validation(`Invalid UpdateExpression: unexpected ${keyword}`);
    do {
      if (tokens[position] === ",") position += 1;
      const name = attributeName(next(), names);
      if (keyword === "REMOVE") {
        delete item[name];
      } else if (keyword === "ADD") {
        const amount = operand(next(), item, names, values);
        item[name] = { N: String(Number(item[name]?.N ?? "0") + Number(amount?.N ?? "NaN")) };
      } else {
        if (next() !== "=") throw validation("Invalid UpdateExpression: expected =");
        const source = next();
        if (source === "if_not_exists") {
          if (next() !== "(") throw validation("Invalid UpdateExpression: expected (");
          const path = attributeName(next(), names);
          if (next() !== ",") throw validation("Invalid UpdateExpression: expected ,");
          const fallback = operand(next(), item, names, values);
          if (next() !== ")") throw validation("Invalid UpdateExpression: expected )");
          item[name] = item[path] ?? fallback!;
        } else {
          item[name] = operand(source, item, names, values)!;
        }
      }
    } while (tokens[position] === ",");
  }
}

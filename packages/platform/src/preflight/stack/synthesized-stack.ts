/** A stack as Terraform reads it (`cdk.tf.json`), with what the checks need to know about where it deploys. */
export type Block = Record<string, unknown>;

export interface TerraformJson {
  readonly resource?: Record<string, Record<string, Block>>;
  readonly data?: Record<string, Record<string, Block>>;
  readonly locals?: Record<string, unknown>;
  readonly provider?: Record<string, Block[]>;
  readonly terraform?: Block;
}

export interface SynthesizedStack {
  readonly name: string;
  readonly environment: string;
  /** `platform`, a domain's name or `consumer`. */
  readonly owner: string;
  /** The account and region the stack deploys to. */
  readonly accountId: string;
  readonly region: string;
  readonly json: TerraformJson;
}

/** `aws_iam_role.transform_x_role`, or `data.aws_iam_policy_document.x` for data sources. */
export interface Address {
  readonly type: string;
  readonly name: string;
  readonly data?: boolean;
}

export const formatAddress = (a: Address) => `${a.data ? "data." : ""}${a.type}.${a.name}`;

/** Every resource of a type, as [name, block] pairs in the stack's order. */
export function resourcesOf(stack: SynthesizedStack, type: string): [string, Block][] {
  return Object.entries(stack.json.resource?.[type] ?? {});
}

export function dataSourcesOf(stack: SynthesizedStack, type: string): [string, Block][] {
  return Object.entries(stack.json.data?.[type] ?? {});
}

export function blockAt(stack: SynthesizedStack, address: Address): Block | undefined {
  return (address.data ? stack.json.data : stack.json.resource)?.[address.type]?.[address.name];
}

/** Every [address, block] of the stack, resources then data sources. */
export function everyBlock(stack: SynthesizedStack): [Address, Block][] {
  const out: [Address, Block][] = [];
  for (const [type, byName] of Object.entries(stack.json.resource ?? {})) for (const [name, block] of Object.entries(byName)) out.push([{ type, name }, block]);
  for (const [type, byName] of Object.entries(stack.json.data ?? {})) for (const [name, block] of Object.entries(byName)) out.push([{ type, name, data: true }, block]);
  return out;
}

/** A nested block that cdktf writes as an object or as a one-element list. */
export function single(value: unknown): Block | undefined {
  if (Array.isArray(value)) return value[0] as Block | undefined;
  return value !== null && typeof value === "object" ? (value as Block) : undefined;
}

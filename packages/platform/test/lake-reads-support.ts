/**
 * A walk over synthesized stacks that finds every read of lake data an IAM or resource policy allows: object reads
 * (`s3:GetObject*`, `s3:*`, `*`) on the raw and curated buckets and `kms:Decrypt` on the lake key. Each read must be
 * by a principal the rules allow, on a prefix they allow it; anything else is a violation, one line each.
 *
 * Where a policy applies:
 * - identity policies (`aws_iam_role_policy`, `aws_iam_role.inline_policy`, `aws_iam_policy` through
 *   `aws_iam_role_policy_attachment`) apply to their role; an `aws_iam_policy` attached to no role of the stack, and a
 *   policy document used nowhere, could be attached to anyone, so they apply to "anyone";
 * - every other `policy` attribute (buckets, keys, queues, topics, secrets) and `assume_role_policy` is a resource
 *   policy whose `principals` say who.
 * A policy the walk cannot read (a JSON string it cannot parse, a document merged from others) is a violation too:
 * the walk never passes what it did not check.
 */
import type { TerraformJson } from "./support.ts";

export interface LakeReadRules {
  readonly accountId: string;
  readonly region: string;
  /** The raw and curated bucket names. */
  readonly buckets: readonly string[];
  /** The lake key's alias (`alias/<org>-lake`): key policies of keys with this alias, and IAM naming it, are the lake key. */
  readonly lakeKeyAlias: string;
  /** Principals that may read every object of both buckets: the Lake Formation location role, the break-glass admins. */
  readonly readEverything: readonly string[];
  /** Roles (by name) that may read objects under their own prefixes only: the lake writers Baikal declares. */
  readonly writers: ReadonlyMap<string, readonly ObjectPrefix[]>;
  /** Roles named like writers (`<org>-lake-writer-`) that are not in `writers` are violations. */
  readonly writerRolePrefix: string;
  /** Service principals that may read under some prefixes (AppFlow on its ingestion prefixes). */
  readonly services: ReadonlyMap<string, readonly ObjectPrefix[]>;
}

export interface ObjectPrefix {
  readonly bucket: string;
  /** Key prefix; "" for the whole bucket. */
  readonly prefix: string;
}

export interface StackJson {
  readonly name: string;
  readonly json: TerraformJson;
}

type Block = Record<string, unknown>;
interface Statement {
  readonly sid?: string;
  readonly effect: string;
  readonly actions?: string[];
  readonly notActions?: string[];
  readonly resources?: string[];
  readonly notResources?: string[];
  readonly principals?: { type: string; identifiers: string[] }[];
  readonly notPrincipals?: unknown;
  readonly conditions: { test: string; variable: string; values: string[] }[];
}
/** Who a statement applies to: a role of the account, a principal named in a resource policy, or anyone. */
type Principal = { kind: "arn"; arn: string } | { kind: "service"; service: string } | { kind: "anyone" };

const asArray = (value: unknown): string[] => (value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]);
const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
/** Does an action pattern of a policy match the action? (`s3:Get*` matches `s3:GetObject`.) */
const matchesAction = (patterns: readonly string[], action: string) => patterns.some((p) => glob(p).test(action));

/** The statements of a data source, in the shape the walk reads. */
function fromDocument(document: Block): Statement[] | string {
  if (document.source_policy_documents !== undefined || document.override_policy_documents !== undefined) {
    return "merges other documents (source_policy_documents/override_policy_documents), which the walk cannot read";
  }
  return ((document.statement as Block[] | undefined) ?? []).map((s) => ({
    sid: s.sid as string | undefined,
    effect: (s.effect as string | undefined) ?? "Allow",
    actions: s.actions as string[] | undefined,
    notActions: s.not_actions as string[] | undefined,
    resources: s.resources as string[] | undefined,
    notResources: s.not_resources as string[] | undefined,
    principals: s.principals as Statement["principals"],
    notPrincipals: s.not_principals,
    conditions: ((s.condition as Block[] | undefined) ?? []).map((c) => ({ test: String(c.test), variable: String(c.variable), values: asArray(c.values) })),
  }));
}

/** The statements of a policy written as JSON text (IAM's own shape). */
function fromJson(text: string): Statement[] | string {
  let parsed: Block;
  try {
    parsed = JSON.parse(text) as Block;
  } catch {
    return `is neither a policy document reference nor JSON: ${text.slice(0, 80)}`;
  }
  return asStatements(parsed.Statement).map((s) => ({
    sid: s.Sid as string | undefined,
    effect: String(s.Effect),
    actions: s.Action === undefined ? undefined : asArray(s.Action),
    notActions: s.NotAction === undefined ? undefined : asArray(s.NotAction),
    resources: s.Resource === undefined ? undefined : asArray(s.Resource),
    notResources: s.NotResource === undefined ? undefined : asArray(s.NotResource),
    principals:
      s.Principal === undefined
        ? undefined
        : s.Principal === "*"
          ? [{ type: "*", identifiers: ["*"] }]
          : Object.entries(s.Principal as Block).map(([type, ids]) => ({ type, identifiers: asArray(ids) })),
    notPrincipals: s.NotPrincipal,
    conditions: Object.entries((s.Condition as Record<string, Block> | undefined) ?? {}).flatMap(([test, keys]) =>
      Object.entries(keys).map(([variable, values]) => ({ test, variable, values: asArray(values) })),
    ),
  }));
}

const asStatements = (value: unknown): Block[] => (Array.isArray(value) ? (value as Block[]) : value === undefined ? [] : [value as Block]);

/** Every lake read that `stacks` allow against `rules`, as readable lines; empty when there is none. */
export function lakeReadViolations(stacks: readonly StackJson[], rules: LakeReadRules): string[] {
  return stacks.flatMap((stack) => new StackWalk(stack, rules).violations());
}

/** A policy document of a stack as IAM JSON, with its references to the stack's buckets, keys and roles resolved. */
export function iamPolicyOf(stack: StackJson, document: string, rules: LakeReadRules): Record<string, unknown> {
  return new StackWalk(stack, rules).iamPolicy(document);
}

class StackWalk {
  private readonly resources: Record<string, Record<string, Block>>;
  private readonly documents: Record<string, Block>;
  /** `data.aws_kms_alias` lookups of the stack: keys of other stacks, named by alias (the lake key among them). */
  private readonly aliasLookups: Record<string, Block>;
  private readonly lakeKeyArns = new Set<string>();
  private readonly found: string[] = [];

  constructor(
    private readonly stack: StackJson,
    private readonly rules: LakeReadRules,
  ) {
    this.resources = (stack.json.resource ?? {}) as Record<string, Record<string, Block>>;
    this.documents = (stack.json.data?.aws_iam_policy_document ?? {}) as Record<string, Block>;
    this.aliasLookups = ((stack.json.data as Record<string, unknown> | undefined)?.aws_kms_alias ?? {}) as Record<string, Block>;
    for (const lookup of Object.values(this.aliasLookups)) {
      if (lookup.name === rules.lakeKeyAlias) this.lakeKeyArns.add(this.aliasKeyArn(String(lookup.name)));
    }
    for (const [name, alias] of Object.entries(this.resources.aws_kms_alias ?? {})) {
      const key = /^\$\{aws_kms_key\.([\w-]+)\.key_id\}$/.exec(String(alias.target_key_id))?.[1];
      if (alias.name === rules.lakeKeyAlias && key) this.lakeKeyArns.add(this.keyArn(key));
      else if (alias.name === rules.lakeKeyAlias) this.found.push(`${stack.name}: aws_kms_alias.${name} names the lake key, but its target is not a key of this stack`);
    }
  }

  violations(): string[] {
    const used = new Set<string>();
    const walk = (where: string, policy: unknown, principals: Principal[] | "resource-policy", self?: string) => {
      const statements = this.statementsOf(policy, used);
      if (typeof statements === "string") return this.found.push(`${this.stack.name}: ${where} ${statements}`);
      statements.forEach((s, i) =>
        this.checkStatement(`${where} statement ${s.sid ?? i}`, s, principals === "resource-policy" ? this.principalsOf(s) : principals, self),
      );
      return undefined;
    };
    const attached = new Set<string>();
    for (const [type, byName] of Object.entries(this.resources)) {
      for (const [name, r] of Object.entries(byName)) {
        const where = `${type}.${name}`;
        if (type === "aws_iam_role_policy") walk(where, r.policy, [this.roleOf(r.role)]);
        else if (type === "aws_iam_role_policy_attachment") {
          const policy = /^\$\{aws_iam_policy\.([\w-]+)\.arn\}$/.exec(String(r.policy_arn))?.[1];
          if (policy) attached.add(policy);
          if (policy) walk(where, this.resources.aws_iam_policy?.[policy]?.policy, [this.roleOf(r.role)]);
          else this.found.push(`${this.stack.name}: ${where} attaches ${String(r.policy_arn)}, a policy the walk cannot read; attach only policies of the stack`);
        } else if (type === "aws_iam_role") {
          const role = String(r.name);
          if (role.startsWith(this.rules.writerRolePrefix) && !this.rules.writers.has(role)) {
            this.found.push(
              `${this.stack.name}: ${where} is named like a lake writer (${this.rules.writerRolePrefix}), which the lake buckets let read objects, but no transform, ingestion or cost monitor declares it`,
            );
          }
          walk(`${where}.assume_role_policy`, r.assume_role_policy, "resource-policy");
          for (const inline of (r.inline_policy as Block[] | undefined) ?? []) walk(`${where}.inline_policy`, inline.policy, [this.roleArn(r)]);
        } else if (type === "aws_kms_key") walk(where, r.policy, "resource-policy", this.keyArn(name));
        else if (type !== "aws_iam_policy" && r.policy !== undefined) walk(where, r.policy, "resource-policy");
      }
    }
    for (const [name, r] of Object.entries(this.resources.aws_iam_policy ?? {})) {
      if (!attached.has(name)) walk(`aws_iam_policy.${name} (attached to no role of the stack)`, r.policy, [{ kind: "anyone" }]);
    }
    for (const name of Object.keys(this.documents)) {
      if (!used.has(name)) walk(`data.aws_iam_policy_document.${name} (used by no resource)`, `\${data.aws_iam_policy_document.${name}.json}`, [{ kind: "anyone" }]);
    }
    return this.found;
  }

  iamPolicy(document: string): Record<string, unknown> {
    const statements = fromDocument(this.documents[document] ?? {});
    if (typeof statements === "string") throw new Error(`data.aws_iam_policy_document.${document} ${statements}`);
    const values = (items: readonly string[]) => items.map((v) => this.resolve(v));
    const Statement = statements.map((s) => ({
      ...(s.sid ? { Sid: s.sid } : {}),
      Effect: s.effect,
      ...(s.principals ? { Principal: s.principals.some((p) => p.type === "*") ? "*" : Object.fromEntries(s.principals.map((p) => [p.type, values(p.identifiers)])) } : {}),
      ...(s.actions ? { Action: s.actions } : { NotAction: s.notActions }),
      ...(s.resources ? { Resource: values(s.resources) } : { NotResource: values(s.notResources ?? []) }),
      ...(s.conditions.length > 0
        ? { Condition: Object.fromEntries(s.conditions.map((c) => [c.test, Object.fromEntries(s.conditions.filter((d) => d.test === c.test).map((d) => [d.variable, values(d.values)]))])) }
        : {}),
    }));
    return { Version: "2012-10-17", Statement };
  }

  private statementsOf(policy: unknown, used: Set<string>): Statement[] | string {
    const text = String(policy);
    const document = /^\$\{data\.aws_iam_policy_document\.([\w-]+)\.json\}$/.exec(text)?.[1];
    if (document !== undefined) {
      used.add(document);
      const block = this.documents[document];
      return block ? fromDocument(block) : `refers to data.aws_iam_policy_document.${document}, which the stack does not have`;
    }
    return fromJson(text);
  }

  /** `self`: what "*" stands for in the policy of a key (the key itself). */
  private checkStatement(where: string, s: Statement, principals: Principal[], self?: string): void {
    if (s.effect !== "Allow") return;
    const actions = (action: string) => (s.actions ? matchesAction(s.actions, action) : !matchesAction(s.notActions ?? [], action));
    const readsObjects = ["s3:GetObject", "s3:GetObjectVersion"].some(actions);
    const decrypts = actions("kms:Decrypt");
    if (!readsObjects && !decrypts) return;
    const resources = (s.resources ?? (s.notResources ? ["*"] : [])).map((r) => (self !== undefined && r === "*" ? self : this.resolve(r)));
    for (const principal of principals) {
      if (readsObjects) {
        for (const read of resources.flatMap((r) => this.objectsCovered(r))) {
          if (!this.mayRead(principal, read)) {
            this.found.push(`${this.stack.name}: ${where}: ${label(principal)} may read s3://${read.bucket}/${read.prefix}* (${[...(s.actions ?? ["NotAction"])].join(", ")})`);
          }
        }
      }
      if (decrypts && resources.some((r) => this.isLakeKey(r, s)) && !this.confinedToOtherBuckets(s) && !this.confinedToOtherServices(s) && !this.mayDecrypt(principal)) {
        this.found.push(`${this.stack.name}: ${where}: ${label(principal)} may kms:Decrypt with the lake key, outside the query-results bucket`);
      }
    }
  }

  /** The bucket and key prefix of lake objects a resource pattern reaches, if any. */
  private objectsCovered(resource: string): ObjectPrefix[] {
    const literal = resource.split(/[*?]/)[0]!;
    const wildcard = literal.length < resource.length;
    return this.rules.buckets.flatMap((bucket): ObjectPrefix[] => {
      const objects = `arn:aws:s3:::${bucket}/`;
      if (wildcard && objects.startsWith(literal)) return [{ bucket, prefix: "" }];
      if (literal.startsWith(objects)) return [{ bucket, prefix: literal.slice(objects.length) }];
      return [];
    });
  }

  private mayRead(principal: Principal, read: ObjectPrefix): boolean {
    const within = (allowed: readonly ObjectPrefix[] | undefined) => (allowed ?? []).some((a) => a.bucket === read.bucket && read.prefix.startsWith(a.prefix));
    if (principal.kind === "anyone") return false;
    if (principal.kind === "service") return within(this.rules.services.get(principal.service));
    if (this.rules.readEverything.includes(principal.arn) || this.isAccountRoot(principal.arn)) return true;
    return within(this.rules.writers.get(roleName(principal.arn)));
  }

  /** The lake key is for those who read or write lake objects; the account root only delegates to IAM, walked here. */
  private mayDecrypt(principal: Principal): boolean {
    if (principal.kind === "anyone") return false;
    if (principal.kind === "service") return this.rules.services.has(principal.service);
    if (this.rules.readEverything.includes(principal.arn) || this.isAccountRoot(principal.arn)) return true;
    return this.rules.writers.has(roleName(principal.arn));
  }

  private isAccountRoot(arn: string): boolean {
    return arn === `arn:aws:iam::${this.rules.accountId}:root` || arn === this.rules.accountId;
  }

  private isLakeKey(resource: string, s: Statement): boolean {
    if (this.lakeKeyArns.has(resource)) return true;
    // A key policy's "*" is the key itself; elsewhere "*" or a key/* pattern is every key, the lake key included,
    // unless an alias condition names another key.
    const sample = `arn:aws:kms:${this.rules.region}:${this.rules.accountId}:key/the-lake-key`;
    if (!glob(resource).test(sample)) return false;
    const aliases = s.conditions.filter((c) => c.variable === "kms:ResourceAliases" && /StringEquals|StringLike/.test(c.test));
    return aliases.length === 0 || aliases.some((c) => c.values.some((v) => glob(v).test(this.rules.lakeKeyAlias)));
  }

  /** True when an encryption-context condition keeps the key to buckets other than the lake's. */
  private confinedToOtherBuckets(s: Statement): boolean {
    const context = s.conditions.filter((c) => c.variable === "kms:EncryptionContext:aws:s3:arn" && /^(StringEquals|StringLike|ArnEquals|ArnLike)$/.test(c.test));
    return context.length > 0 && context.every((c) => c.values.every((v) => this.rules.buckets.every((b) => !glob(this.resolve(v)).test(`arn:aws:s3:::${b}`) && !glob(this.resolve(v)).test(`arn:aws:s3:::${b}/x`))));
  }

  /**
   * True when a `kms:ViaService` condition keeps the key to services other than S3 (RDS creating an export's grant,
   * Secrets Manager): lake objects are only ever decrypted through S3.
   */
  private confinedToOtherServices(s: Statement): boolean {
    const via = s.conditions.filter((c) => c.variable === "kms:ViaService" && /^(StringEquals|StringLike)$/.test(c.test));
    return via.length > 0 && via.every((c) => c.values.every((v) => !glob(v).test(`s3.${this.rules.region}.amazonaws.com`)));
  }

  private principalsOf(s: Statement): Principal[] {
    if (s.notPrincipals !== undefined) return [{ kind: "anyone" }];
    return (s.principals ?? [{ type: "*", identifiers: ["*"] }]).flatMap((p): Principal[] =>
      p.identifiers.map((id): Principal => {
        const value = this.resolve(id);
        if (p.type === "*" || value === "*") return { kind: "anyone" };
        if (p.type === "Service") return { kind: "service", service: value };
        return { kind: "arn", arn: value };
      }),
    );
  }

  /**
   * Terraform references to buckets, keys and roles of the stack, replaced by the ARNs and names they stand for;
   * other resources of the stack by an ARN no lake pattern matches; anything else (data sources, references out of
   * the stack) by "*", so what the walk cannot know counts as everything.
   */
  private resolve(text: string): string {
    return text.replace(/\$\{([^}]*)\}/g, (_, reference: string) => {
      const [type = "", name = "", attribute = ""] = reference.split(".");
      // data.aws_kms_alias.<lookup>.target_key_arn: the key the alias names, the lake key when it is the lake's alias.
      const lookup = type === "data" && name === "aws_kms_alias" ? this.aliasLookups[attribute] : undefined;
      if (lookup && reference.endsWith(".target_key_arn")) return this.aliasKeyArn(String(lookup.name));
      const r = this.resources[type]?.[name];
      if (!r) return "*";
      if (type === "aws_s3_bucket") return attribute === "arn" ? `arn:aws:s3:::${String(r.bucket)}` : String(r.bucket);
      if (type === "aws_kms_key" && attribute === "arn") return this.keyArn(name);
      if (type === "aws_iam_role") return attribute === "arn" ? this.roleArn(r).arn : String(r.name);
      return `arn:terraform:${type}:${name}:${attribute}`;
    });
  }

  /** A key of another stack, found by its alias: an ARN unique to the alias, which no wildcard of a key ARN confuses. */
  private aliasKeyArn(alias: string): string {
    return `arn:aws:kms:${this.rules.region}:${this.rules.accountId}:key/by-${alias}`;
  }

  private keyArn(name: string): string {
    return `arn:aws:kms:${this.rules.region}:${this.rules.accountId}:key/${this.stack.name}/${name}`;
  }

  private roleArn(role: Block): { kind: "arn"; arn: string } {
    return { kind: "arn", arn: `arn:aws:iam::${this.rules.accountId}:role${String(role.path ?? "/")}${String(role.name)}` };
  }

  /** The role an `aws_iam_role_policy` names: a role of the stack by reference, or one made elsewhere by name. */
  private roleOf(role: unknown): Principal {
    const own = /^\$\{aws_iam_role\.([\w-]+)\.(id|name)\}$/.exec(String(role))?.[1];
    const declared = own === undefined ? undefined : this.resources.aws_iam_role?.[own];
    return declared ? this.roleArn(declared) : { kind: "arn", arn: `arn:aws:iam::${this.rules.accountId}:role/${String(role)}` };
  }
}

const roleName = (arn: string) => arn.replace(/^arn:aws:iam::\d{12}:role\/(.*\/)?/, "");
const label = (p: Principal) => (p.kind === "anyone" ? "anyone" : p.kind === "service" ? `service ${p.service}` : p.arn);

/**
 * The only door to CDK for Terraform. Switching to the CDK Terrain fork (`cdktn`) or to AWS provider 6
 * is a change to this folder alone.
 */
import { createRequire } from "node:module";

// cdktf records a full stack trace for every token it creates (each nested block of each resource), only to
// print it should that token fail to resolve. With thousands of resources that was the largest single cost of
// a synth (hashicorp/terraform-cdk#3892), and far worse with source maps on. AWS CDK stopped doing it by
// default years ago; Baikal does the same, and BAIKAL_DEBUG=1 brings the traces back.
if (!process.env.BAIKAL_DEBUG) {
  const stackTrace = createRequire(import.meta.url)("cdktf/lib/tokens/private/stack-trace.js") as { captureStackTrace: () => string[] };
  stackTrace.captureStackTrace = () => ["stack traces disabled (set BAIKAL_DEBUG=1 to record them)"];
}

export { App, AssetType, Fn, LocalBackend, Op, S3Backend, TerraformAsset, TerraformElement, TerraformLocal, TerraformOutput, TerraformStack, Testing } from "cdktf";
export type { TerraformResource, TerraformResourceLifecycle } from "cdktf";
export { Construct, Node } from "constructs";

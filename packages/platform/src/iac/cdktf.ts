/**
 * The only door to CDK for Terraform. Switching to the CDK Terrain fork (`cdktn`) or to AWS provider 6
 * is a change to this folder alone.
 */
export { App, AssetType, Fn, LocalBackend, S3Backend, TerraformAsset, TerraformElement, TerraformOutput, TerraformStack, Testing } from "cdktf";
export type { TerraformResource } from "cdktf";
export { Construct, Node } from "constructs";

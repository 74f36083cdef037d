/**
 * How Step Functions names what it takes from a service model. AWS SDK integrations run on the AWS SDK for Java 2.x
 * and take its names: members and services in its PascalCase (`DBClusterIdentifier` becomes `DbClusterIdentifier`,
 * serviceId "RDS" becomes "Rds"), errors as its exception classes (`<Service>.<Error>Exception`, a "Fault" suffix
 * replaced). The rules are the SDK's own (aws/aws-sdk-java-v2, `CodegenNamingUtils.pascalCase` and
 * `DefaultNamingStrategy.getExceptionName`); Step Functions states them in "Learning to use AWS service SDK
 * integrations": "Parameters in Step Functions are expressed in PascalCase", and the error name is
 * "ServiceName.ErrorName ... Both are in PascalCase ... always add the Exception suffix".
 */

/** `CodegenNamingUtils.splitOnWordBoundaries`, step by step. */
export function splitOnWordBoundaries(text: string): string[] {
  let result = text.replace(/[^A-Za-z0-9]+/g, " ");
  result = result.replace(/([^a-z]{2,})v([0-9]+)/g, "$1 v$2 ").replace(/([^A-Z]{2,})V([0-9]+)/g, "$1 V$2 ");
  result = result.split(/(?<=[a-z])(?=[A-Z](?:[a-zA-Z]|[0-9]))/).join(" ");
  result = result.replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2");
  result = result.replace(/([0-9])([a-zA-Z])/g, "$1 $2");
  return result.replace(/ +/g, " ").trim().split(" ");
}

/** `CodegenNamingUtils.pascalCase`: each word lower-cased, then capitalized. */
export function pascalCase(text: string): string {
  return splitOnWordBoundaries(text)
    .map((word) => word.toLowerCase())
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

/** The SDK's service name: serviceId in PascalCase, without a leading "Amazon" or "Aws" or a trailing "Service". */
export function sdkServiceName(serviceId: string): string {
  return pascalCase(serviceId).replace(/^Amazon/, "").replace(/^Aws/, "").replace(/Service$/, "");
}

/** `DefaultNamingStrategy.getExceptionName`: the class, and so the Step Functions error, of an error shape. */
export function sdkExceptionName(errorShape: string): string {
  if (errorShape.endsWith("Fault")) return `${pascalCase(errorShape.slice(0, -"Fault".length))}Exception`;
  if (errorShape.endsWith("Exception")) return pascalCase(errorShape);
  return `${pascalCase(errorShape)}Exception`;
}

/** The action of an operation in a Task's Resource: the operation's name with its first letter lower-cased. */
export const actionName = (operation: string) => operation.charAt(0).toLowerCase() + operation.slice(1);

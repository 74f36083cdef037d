/** The messages of the preflight validators, built in one place so tests quote the same text. */
import { didYouMean } from "../../problems/suggest.ts";

const list = (names: readonly string[], max = 12) => (names.length <= max ? names.join(", ") : `${names.slice(0, max).join(", ")}, ... (${names.length} in all)`);

export const preflightMessages = {
  unknownService: (resource: string, service: string, known: readonly string[]) =>
    `${resource} calls service "${service}", which has no model here${didYouMean(service, known)}; models: ${list(known)} (add its @aws-sdk/client-* to the platform's devDependencies and run scripts/generate-service-models.ts)`,
  unknownOptimized: (resource: string) =>
    `${resource} is an optimized integration that optimized-integrations.json does not describe; add it with its page of the Step Functions Developer Guide`,
  unknownAction: (resource: string, action: string, service: string, actions: readonly string[]) =>
    `${resource}: ${service} has no action "${action}"${didYouMean(action, actions)}`,
  unknownArgument: (where: string, name: string, shape: string, allowed: readonly string[]) =>
    `${where}: "${name}" is not a member of ${shape}${didYouMean(name, allowed)} (members: ${list(allowed)})`,
  missingArgument: (where: string, name: string, shape: string) => `${where}: ${shape} requires "${name}", which the state does not pass`,
  unknownResultPath: (field: string, path: string, member: string, shape: string, members: readonly string[], origin: string) =>
    `${field} reads ${path}, but ${shape} (the output of ${origin}) has no member "${member}"${didYouMean(member, members)} (members: ${list(members)})`,
  unknownStatesError: (at: string, name: string, known: readonly string[]) =>
    `${at}: "${name}" is not an error the States language defines${didYouMean(name, known)}`,
  unknownServiceError: (at: string, name: string, service: string, errors: readonly string[]) =>
    `${at}: "${name}" is not an error of ${service}, so it never matches${didYouMean(name, errors)} (errors: ${list(errors)})`,
  undocumentedErrorPrefix: (at: string, name: string, resource: string) =>
    `${at}: "${name}" names an error of ${resource}, whose error names optimized-integrations.json does not document`,
  jsonataSyntax: (field: string, message: string) => `${field}: the JSONata does not parse: ${message}`,
  jsonataRuntime: (field: string, message: string, sample: string) => `${field}: evaluating the JSONata fails: ${message} (with $states.input = ${sample})`,
  unassignedVariable: (field: string, variable: string) => `${field} reads $${variable}, which no state before it assigns`,
  unknownContextPath: (field: string, path: string, known: readonly string[]) =>
    `${field} reads ${path}, which the context object does not have${didYouMean(path.split(".").pop() ?? "", known)} (has: ${list(known)})`,
  unknownAction_iam: (where: string, action: string, actions: readonly string[]) => `${where}: ${action} is not an IAM action${didYouMean(action.split(":")[1] ?? action, actions)}`,
  unknownService_iam: (where: string, action: string) => `${where}: ${action} names no IAM service prefix`,
  resourceFitsNoAction: (where: string, resource: string, actions: readonly string[], formats: readonly string[]) =>
    `${where}: ${resource} is no resource of ${list(actions)} (their resource ARNs: ${list(formats, 6)})`,
  actionFitsNoResource: (where: string, action: string, formats: readonly string[]) =>
    `${where}: none of the statement's resources is one ${action} acts on (${formats.length > 0 ? `its resource ARNs: ${list(formats, 6)}` : 'it takes no resource type: use "*"'})`,
  unknownConditionKey: (where: string, key: string) => `${where}: ${key} is not a condition key of IAM or of its service`,
};

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type * as TS from "typescript";
import type { Problem } from "../problems/problem.ts";

type TypeScript = typeof TS;
let typescript: TypeScript | undefined;

/** TypeScript's parser is loaded only when there is a problem to place (it costs ~0.3 s). */
function ts(): TypeScript {
  typescript ??= createRequire(import.meta.url)("typescript") as TypeScript;
  return typescript;
}

function propertyName(t: TypeScript, name: TS.PropertyName): string | undefined {
  if (t.isIdentifier(name) || t.isStringLiteral(name) || t.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** The object literal passed to `defineDomain(...)`/`defineOrganisation(...)`, or undefined. */
function findDeclaration(t: TypeScript, file: TS.SourceFile, callee: string): TS.Expression | undefined {
  let found: TS.Expression | undefined;
  const visit = (node: TS.Node) => {
    if (found) return;
    if (t.isCallExpression(node) && node.expression.getText(file) === callee && node.arguments[0]) {
      found = node.arguments[0];
      return;
    }
    t.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The node a declaration path leads to, as deep as the literal goes (a variable or spread stops the walk). */
function walk(t: TypeScript, start: TS.Expression, path: readonly (string | number)[]): TS.Node {
  let node: TS.Node = start;
  for (const part of path) {
    while (t.isParenthesizedExpression(node) || t.isAsExpression(node) || t.isSatisfiesExpression(node)) node = node.expression;
    if (typeof part === "number" && t.isArrayLiteralExpression(node)) {
      const element = node.elements[part];
      if (!element || t.isSpreadElement(element)) return node;
      node = element;
    } else if (typeof part === "string" && t.isObjectLiteralExpression(node)) {
      const property = node.properties.find(
        (p): p is TS.PropertyAssignment | TS.ShorthandPropertyAssignment =>
          (t.isPropertyAssignment(p) || t.isShorthandPropertyAssignment(p)) && propertyName(t, p.name) === part,
      );
      if (!property) return node;
      // For the key itself (e.g. an unknown key) point at its name; otherwise at its value.
      node = t.isPropertyAssignment(property) && part !== path[path.length - 1] ? property.initializer : property;
      if (t.isPropertyAssignment(property) && part === path[path.length - 1]) {
        node = t.isObjectLiteralExpression(property.initializer) || t.isArrayLiteralExpression(property.initializer) ? property : property.initializer;
      }
    } else {
      return node;
    }
  }
  return node;
}

/**
 * Adds `line` and `column` to problems of one declaration file by walking its object literal.
 * Problems that cannot be placed keep their `source > path` form.
 */
export function locateProblems(absoluteFile: string, callee: string, problems: readonly Problem[]): Problem[] {
  if (problems.length === 0) return [];
  const t = ts();
  let text: string;
  try {
    text = readFileSync(absoluteFile, "utf8");
  } catch {
    return [...problems];
  }
  const file = t.createSourceFile(absoluteFile, text, t.ScriptTarget.Latest, true);
  const root = findDeclaration(t, file, callee);
  if (!root) return [...problems];
  return problems.map((problem) => {
    const node = walk(t, root, problem.path ?? []);
    const position = file.getLineAndCharacterOfPosition(node.getStart(file));
    return { ...problem, line: position.line + 1, column: position.character + 1 };
  });
}

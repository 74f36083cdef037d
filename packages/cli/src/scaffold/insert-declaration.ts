import ts from "typescript";

export const notAnObjectLiteral = (file: string, key: string, text: string) =>
  `cannot edit ${file} for you: defineDomain is not called with an object literal there; add this to its ${key} yourself:\n${text}`;

const indent = (text: string, spaces: number) =>
  text
    .split("\n")
    .map((line) => (line === "" ? line : `${" ".repeat(spaces)}${line}`))
    .join("\n");

/**
 * Adds `element` (source text of an object) at the end of the array `key` of the `defineDomain({...})` object in
 * `source`, creating the property when it is missing. The TypeScript parser finds the places, so comments,
 * trailing commas and the file's own layout are kept; the new text is indented like its neighbours.
 */
export function insertDeclaration(source: string, file: string, key: string, element: string): string {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  let declaration: ts.ObjectLiteralExpression | undefined;
  const visit = (node: ts.Node) => {
    if (declaration) return;
    if (ts.isCallExpression(node) && node.expression.getText(sf) === "defineDomain") {
      const [arg] = node.arguments;
      if (arg && ts.isObjectLiteralExpression(arg)) declaration = arg;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (!declaration) throw new Error(notAnObjectLiteral(file, key, element));
  const column = (pos: number) => sf.getLineAndCharacterOfPosition(pos).character;
  const property = declaration.properties.find(
    (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === key,
  );
  if (property && !ts.isArrayLiteralExpression(property.initializer)) throw new Error(notAnObjectLiteral(file, key, element));
  const afterLast = (nodes: ts.NodeArray<ts.Node>) => {
    const end = nodes[nodes.length - 1]!.getEnd();
    return nodes.hasTrailingComma ? source.indexOf(",", end) + 1 : end;
  };
  if (property) {
    const array = property.initializer as ts.ArrayLiteralExpression;
    const inner = column(property.getStart(sf)) + 2;
    if (array.elements.length === 0) {
      const open = array.getStart(sf) + 1;
      const close = array.getEnd() - 1;
      return `${source.slice(0, open)}\n${indent(element, inner)},\n${" ".repeat(inner - 2)}${source.slice(close)}`;
    }
    const at = afterLast(array.elements);
    return `${source.slice(0, at)}${array.elements.hasTrailingComma ? "" : ","}\n${indent(element, inner)}${array.elements.hasTrailingComma ? "," : ""}${source.slice(at)}`;
  }
  // No such key yet: a new property after the last one.
  const props = declaration.properties;
  const propIndent = props.length > 0 ? column(props[0]!.getStart(sf)) : column(declaration.getStart(sf)) + 2;
  const added = `${" ".repeat(propIndent)}${key}: [\n${indent(element, propIndent + 2)},\n${" ".repeat(propIndent)}],`;
  if (props.length === 0) {
    const open = declaration.getStart(sf) + 1;
    return `${source.slice(0, open)}\n${added}\n${source.slice(open)}`;
  }
  const at = afterLast(props);
  return `${source.slice(0, at)}${props.hasTrailingComma ? "" : ","}\n${added.replace(/,$/, props.hasTrailingComma ? "," : "")}${source.slice(at)}`;
}

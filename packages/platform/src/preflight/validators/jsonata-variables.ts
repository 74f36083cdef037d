/**
 * The variables a JSONata expression reads from outside (bound by a state's Assign), leaving out `$states`, function
 * names, and what the expression binds itself (`$x := ...`, lambda parameters); and the paths it reads through
 * `$states.context`.
 */
type Node = { type?: string; value?: unknown; steps?: Node[]; procedure?: Node; lhs?: unknown; arguments?: Node[]; [key: string]: unknown };

export function readVariables(ast: unknown): { variables: string[]; contextPaths: string[][] } {
  const bound = new Set<string>();
  const read = new Set<string>();
  const contextPaths: string[][] = [];
  // JSONata's built-in functions are variables too ($count, $string): a call's procedure is never a read.
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(walk);
    const n = node as Node;
    if (n.type === "bind" && (n.lhs as Node)?.type === "variable") bound.add(String((n.lhs as Node).value));
    if (n.type === "lambda") for (const a of n.arguments ?? []) if (a.type === "variable") bound.add(String(a.value));
    if (n.type === "variable" && typeof n.value === "string" && n.value !== "" && n.value !== "states") read.add(n.value);
    if (n.type === "path" && n.steps?.[0]?.type === "variable" && n.steps[0].value === "states" && n.steps[1]?.value === "context") {
      const names: string[] = [];
      for (const step of n.steps.slice(2)) {
        if (step.type !== "name") break;
        names.push(String(step.value));
      }
      contextPaths.push(names);
    }
    for (const [key, value] of Object.entries(n)) {
      if (key === "procedure" || key === "position") continue;
      walk(value);
    }
  };
  walk(ast);
  return { variables: [...read].filter((v) => !bound.has(v)).sort(), contextPaths };
}

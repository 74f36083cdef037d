/**
 * cdktf copies strings into the Terraform JSON verbatim, and Terraform reads `${...}` and `%{...}` in them as
 * expressions. Any text that comes from a declaration (descriptions, templates, SQL) goes through here, so a
 * literal `${dt}` reaches AWS as `${dt}` instead of failing `terraform validate` with "Invalid reference".
 */
export function terraformLiteral(text: string): string {
  // Replacer functions, because in a replacement string "$$" itself means "$".
  return text.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{");
}

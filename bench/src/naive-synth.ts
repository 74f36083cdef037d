/**
 * The baseline: the same databases, tables and views written as a plain cdktf app, with no validation, no SQL
 * analysis and the default (hashed) addressing. `pnpm bench` runs it in its own process and compares.
 * Usage: naive-synth.ts <organisation root> <outdir>
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { GlueCatalogDatabase } from "@cdktf/provider-aws/lib/glue-catalog-database/index.js";
import { GlueCatalogTable } from "@cdktf/provider-aws/lib/glue-catalog-table/index.js";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { App, LocalBackend, TerraformStack } from "cdktf";

interface Declaration {
  name: string;
  tables: { name: string; columns: { name: string; type: string }[] }[];
  views: { name: string; columns: { name: string; type: string }[] }[];
}

const [root, outdir] = process.argv.slice(2);
const app = new App({ outdir: outdir! });
for (const env of ["staging", "production"]) {
  for (const folder of readdirSync(join(root!, "domains")).sort()) {
    const module = (await import(pathToFileURL(join(root!, "domains", folder, "domain.ts")).href)) as { default: { declaration: Declaration } };
    const domain = module.default.declaration;
    const stack = new TerraformStack(app, `domain-${domain.name}-${env}`);
    new AwsProvider(stack, "aws", { region: "eu-west-1", skipCredentialsValidation: true, skipRequestingAccountId: true });
    new LocalBackend(stack, { path: "terraform.tfstate" });
    const database = new GlueCatalogDatabase(stack, "database", { name: domain.name });
    for (const table of domain.tables) {
      new GlueCatalogTable(stack, table.name, {
        name: table.name,
        databaseName: database.name,
        tableType: "EXTERNAL_TABLE",
        storageDescriptor: { location: `s3://bench/${domain.name}/${table.name}/`, columns: table.columns.map((c) => ({ name: c.name, type: c.type })) },
      });
    }
    for (const view of domain.views) {
      new GlueCatalogTable(stack, view.name, {
        name: view.name,
        databaseName: database.name,
        tableType: "VIRTUAL_VIEW",
        viewOriginalText: "/* Presto View: e30= */",
        viewExpandedText: "/* Presto View */",
        storageDescriptor: { columns: view.columns.map((c) => ({ name: c.name, type: c.type })) },
      });
    }
  }
}
app.synth();

import { describe, expect, it } from "vitest";
import { lakeFormationDefaultsMessages } from "../src/lake/lake-formation-defaults.ts";
import type { DomainInput } from "../src/declarations/domain.ts";
import { EVENTS_DOMAIN, projectOf, resources, synthDomain } from "./support.ts";

const table = (extra: Record<string, unknown>) => ({ ...EVENTS_DOMAIN.tables![0]!, ...extra });
const domainWith = (...tables: Record<string, unknown>[]): DomainInput => ({ ...EVENTS_DOMAIN, tables: tables as DomainInput["tables"] });

describe("DomainStack", () => {
  const json = synthDomain();

  it("creates the domain's database, protected from destroy, with no IAMAllowedPrincipals default", () => {
    expect(Object.values(resources(json, "aws_glue_catalog_database"))).toEqual([
      {
        name: "web",
        catalog_id: "111111111111",
        description: "Web analytics.",
        lifecycle: {
          prevent_destroy: true,
          postcondition: [
            {
              condition: '${!contains(flatten([for p in self.create_table_default_permission : [for q in p.principal : q.data_lake_principal_identifier]]), "IAM_ALLOWED_PRINCIPALS")}',
              error_message: lakeFormationDefaultsMessages.database("web"),
            },
          ],
        },
      },
    ]);
  });

  it("declares a JSON-lines table with the OpenX SerDe, Hive types and descriptions", () => {
    const glue = resources(json, "aws_glue_catalog_table").table_page_views!;
    expect(glue).toMatchObject({
      name: "page_views",
      database_name: "${aws_glue_catalog_database.database.name}",
      table_type: "EXTERNAL_TABLE",
      description: "Page views.",
      partition_keys: [{ name: "dt", type: "string", comment: "Day." }],
      storage_descriptor: {
        location: "s3://acme-staging-raw-111111111111/web/page_views/",
        input_format: "org.apache.hadoop.mapred.TextInputFormat",
        output_format: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
        ser_de_info: { serialization_library: "org.openx.data.jsonserde.JsonSerDe", parameters: { "ignore.malformed.json": "true" } },
        columns: [
          { name: "view_id", type: "string", comment: "Id." },
          { name: "user_id", type: "bigint", comment: "User." },
        ],
      },
    });
  });

  it("projects partitions, escaping ${...} so Terraform keeps it literal", () => {
    const glue = resources(json, "aws_glue_catalog_table").table_page_views!;
    expect(glue.parameters).toEqual({
      EXTERNAL: "TRUE",
      classification: "json",
      "projection.enabled": "true",
      "projection.dt.type": "date",
      "projection.dt.format": "yyyy-MM-dd",
      "projection.dt.range": "2024-01-01,NOW",
      "projection.dt.interval": "1",
      "projection.dt.interval.unit": "DAYS",
      "storage.location.template": "s3://acme-staging-raw-111111111111/web/page_views/dt=$${dt}/",
    });
  });

  it("writes integer, enum and injected projections, and plain layouts", () => {
    const out = synthDomain(
      projectOf([
        domainWith(
          table({
            zone: "curated",
            format: "parquet",
            location: "reports/daily",
            partitionLayout: "plain",
            partitionKeys: [
              { name: "hour", type: "int", description: "Hour.", projection: { type: "integer", range: [0, 23], digits: 2 } },
              { name: "region", description: "Region.", projection: { type: "enum", values: ["jp", "us"] } },
              { name: "tenant", description: "Tenant.", projection: { type: "injected" } },
            ],
          }),
        ),
      ]),
    );
    const glue = resources(out, "aws_glue_catalog_table").table_page_views!;
    expect(glue.parameters).toMatchObject({
      classification: "parquet",
      "projection.hour.type": "integer",
      "projection.hour.range": "0,23",
      "projection.hour.digits": "2",
      "projection.region.type": "enum",
      "projection.region.values": "jp,us",
      "projection.tenant.type": "injected",
      "storage.location.template": "s3://acme-staging-curated-111111111111/web/reports/daily/$${hour}/$${region}/$${tenant}/",
    });
    expect(glue.storage_descriptor).toMatchObject({
      location: "s3://acme-staging-curated-111111111111/web/reports/daily/",
      ser_de_info: { serialization_library: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe" },
    });
  });

  it("reads quoted CSV with the OpenCSV SerDe and skips header lines", () => {
    const out = synthDomain(projectOf([domainWith(table({ format: "csv", csv: { delimiter: ";", headerLines: 2 }, partitionKeys: [] }))]));
    const glue = resources(out, "aws_glue_catalog_table").table_page_views!;
    expect(glue.parameters).toEqual({ EXTERNAL: "TRUE", classification: "csv", "skip.header.line.count": "2" });
    expect(glue.storage_descriptor).toMatchObject({
      ser_de_info: { serialization_library: "org.apache.hadoop.hive.serde2.OpenCSVSerde", parameters: { separatorChar: ";", quoteChar: '"', escapeChar: "\\" } },
    });
  });

  it("keeps ${ and %{ in descriptions literal", () => {
    const out = synthDomain(projectOf([domainWith(table({ description: "Costs ${amount} per %{unit}." }))]));
    expect(resources(out, "aws_glue_catalog_table").table_page_views!.description).toBe("Costs $${amount} per %%{unit}.");
  });

  it("writes canonical Hive types to Glue", () => {
    const out = synthDomain(projectOf([domainWith(table({ columns: [{ name: "m", type: "MAP< string , array<INT> >", description: "M." }] }))]));
    const columns = (resources(out, "aws_glue_catalog_table").table_page_views!.storage_descriptor as { columns: unknown[] }).columns;
    expect(columns).toEqual([{ name: "m", type: "map<string,array<int>>", comment: "M." }]);
  });

  it("never reads another stack's state", () => {
    expect(JSON.stringify(json)).not.toContain("terraform_remote_state");
  });
});

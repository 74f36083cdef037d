import { defineOrganisation } from "@baikal/platform/declare";

/**
 * Newsly: a (made-up) news-app company. The account ids are fictional; replace them, the deploy roles and the
 * state buckets with your own before the first real apply.
 */
export default defineOrganisation({
  name: "newsly",
  // Owners of packages/, this file and CI in the generated .github/CODEOWNERS (`pnpm baikal codeowners`).
  platformOwners: ["@newsly/data-platform"],
  environments: {
    staging: {
      accountId: "111111111111",
      region: "ap-northeast-1",
      deployRoleArn: "arn:aws:iam::111111111111:role/baikal-deploy",
      lakeFormationAdmins: ["arn:aws:iam::111111111111:role/data-platform-break-glass"],
      state: { bucket: "newsly-staging-terraform-state" },
    },
    production: {
      accountId: "222222222222",
      region: "ap-northeast-1",
      deployRoleArn: "arn:aws:iam::222222222222:role/baikal-deploy",
      lakeFormationAdmins: ["arn:aws:iam::222222222222:role/data-platform-break-glass"],
      state: { bucket: "newsly-production-terraform-state" },
    },
  },
  principals: {
    analysts: { kind: "iam-role", name: "data-analyst" },
    data_science: { kind: "iam-role", name: "data-science-notebook" },
    redash: { kind: "iam-role", name: "redash-athena" },
    quicksight_authors: { kind: "quicksight-group", group: "bi-authors" },
    // The platform team in QuickSight: owns the Athena data source and reads the cost report.
    platform_bi: { kind: "quicksight-group", group: "data-platform" },
    ads_partner: {
      kind: "external-account",
      accountIds: { staging: "333333333333", production: "444444444444" },
    },
    // The analytics account where QuickSight runs: it receives shared data, and its own Lake Formation admins
    // (through the consumer-<account>-<env> stack) pass it on to the role QuickSight queries Athena with.
    analytics_account: {
      kind: "external-account",
      accountIds: { staging: "555555555555", production: "666666666666" },
      grantees: ["analytics_quicksight"],
    },
    analytics_quicksight: {
      kind: "iam-role",
      arns: {
        staging: "arn:aws:iam::555555555555:role/quicksight-athena",
        production: "arn:aws:iam::666666666666:role/quicksight-athena",
      },
    },
  },
  // The analytics account is in Newsly's AWS Organization, with RAM sharing enabled: its shares need no acceptance.
  crossAccountSharing: { "555555555555": { sameOrganization: true }, "666666666666": { sameOrganization: true } },
  governance: {
    // LF-tag keys and values; Baikal adds "domain" (one value per domain) itself.
    tags: { classification: ["public", "internal", "confidential", "pii"] },
    // Columns tagged classification=pii may only be granted to these principals.
    pii: { principals: ["data_science"] },
  },
  // Exports (domains' views sent to Google Sheets or Salesforce) may carry personal data to none of them.
  exports: { piiDestinations: [] },
  lake: { queryResultsRetentionDays: 30, noncurrentVersionRetentionDays: 90 },
  athena: { scanLimitBytes: 100 * 1024 ** 3 },
  costMonitor: {
    slackWebhookSecretName: "baikal/athena-cost-monitor/slack-webhook",
    alertThresholdUsd: 1,
    workgroupThresholdsUsd: { "data-science": 5 },
    // The cost report as QuickSight datasets (one per cost view, refreshed daily) for the platform team.
    quicksightReaders: ["platform_bi"],
  },
  bi: {
    quicksight: { owners: "platform_bi" },
    // The Redash deployment's task role assumes the `redash` principal's role.
    redash: { trustedPrincipalArn: "arn:aws:iam::111111111111:role/redash-task" },
  },
});

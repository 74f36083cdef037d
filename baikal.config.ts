import { defineOrganisation } from "@baikal/platform/declare";

/**
 * Newsly: a (made-up) news-app company. The account ids are fictional; replace them, the deploy roles and the
 * state buckets with your own before the first real apply.
 */
export default defineOrganisation({
  name: "newsly",
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
    ads_partner: {
      kind: "external-account",
      accountIds: { staging: "333333333333", production: "444444444444" },
    },
  },
  lake: { queryResultsRetentionDays: 30, noncurrentVersionRetentionDays: 90 },
  athena: { scanLimitBytes: 100 * 1024 ** 3 },
  costMonitor: {
    slackWebhookSecretName: "baikal/athena-cost-monitor/slack-webhook",
    alertThresholdUsd: 1,
    workgroupThresholdsUsd: { "data-science": 5 },
  },
});

/**
 * Examples at the end of each command's `--help`, as a user would type them (through pnpm, as the README does).
 * A test runs `--help` of every command and fails if one has none.
 */
export const HELP_EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  check: [
    "pnpm check                          # every declaration, one line per problem",
    "pnpm check --watch                  # again after every save",
    "pnpm check --format github          # problems as GitHub annotations, in a workflow",
    "pnpm -s check --json > check.json   # for scripts and editors (-s: without pnpm's header)",
    "pnpm check --explain                # also each output column whose type could not be inferred",
  ],
  test: [
    "pnpm baikal test                              # every unit test in domains/*/tests/",
    "pnpm baikal test news                         # the news domain's tests",
    "pnpm baikal test news.daily_article_kpis      # the tests of one view or transform",
  ],
  preview: [
    "pnpm baikal preview news.daily_article_kpis                        # on generated rows (every column type exercised)",
    "pnpm baikal preview news.daily_article_kpis --rows rows.json       # on your rows",
    "pnpm baikal preview news.article_view_facts --run-date 2024-05-01  # a transform for one run date",
  ],
  synth: ["pnpm synth                          # every stack into cdktf.out/stacks/", "pnpm synth domain-news-staging      # one stack"],
  fingerprints: ["pnpm baikal fingerprints            # { \"<stack>\": \"<hash>\" } on one line"],
  plan: [
    "pnpm plan domain-news-staging       # one stack: the resources it would create, update, replace or destroy",
    "pnpm plan --summary                 # every stack, counts only",
    "pnpm plan --affected --base origin/main",
    "BAIKAL_TARGET=aws pnpm plan platform-staging   # against the real state, with credentials",
  ],
  access: ["pnpm baikal access --domain news     # who can read news's tables and views", "pnpm -s baikal access --env production --json > access.json"],
  "redash-config": ["pnpm baikal redash-config --env staging"],
  docs: ["pnpm run docs                       # the catalog site in cdktf.out/docs/", "pnpm run docs --outdir site"],
  "new-domain": ["pnpm baikal new-domain payments && pnpm install", "pnpm baikal new-domain payments --owner @acme/payments-team"],
  new: [
    "pnpm baikal new table news push_events            # a raw table in domains/news/domain.ts",
    "pnpm baikal new view news daily_push_events       # a view and views/daily_push_events.sql",
    "pnpm baikal new transform news push_event_facts   # a curated table, its transform and its SQL",
  ],
  graph: ["pnpm -s baikal graph > lineage.mmd", "pnpm -s baikal graph --format dot --domain news | dot -Tsvg > news.svg"],
  codeowners: ["pnpm baikal codeowners                # rewrite .github/CODEOWNERS", "pnpm baikal codeowners --check        # in CI: fail on drift"],
  "plan-comment": ["pnpm --silent baikal plan-comment --base main > comment.md"],
  affected: ["pnpm -s baikal affected --base origin/main", "pnpm -s baikal affected --base HEAD~1 --json"],
  guard: ["pnpm baikal guard --base origin/main", "pnpm baikal guard --base origin/main --plans cdktf.out --json"],
  backfill: [
    "pnpm baikal backfill news.article_view_facts --from 2024-01-01 --to 2024-01-31 --dry-run",
    "pnpm baikal backfill news.article_view_facts --from 2024-01-01 --to 2024-01-31 --environment production",
  ],
};

/** The text commander prints after a command's help. */
export const examplesText = (command: string): string => {
  const examples = HELP_EXAMPLES[command];
  return examples ? `\nExamples:\n${examples.map((e) => `  $ ${e}`).join("\n")}\n` : "";
};

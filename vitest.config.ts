import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/test/**/*.test.ts", "domains/*/test/**/*.test.ts"],
    // Synthesizing loads the provider bindings; give slow machines room. Terraform tests set their own.
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});

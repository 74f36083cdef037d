import { dirname, join } from "node:path";
import { analysisCacheFile } from "@baikal/platform/project";

/** Beside the view-analysis cache (node_modules/.cache/baikal/), so one BAIKAL_CACHE_FILE location moves both. */
export const translationCacheFile = (root: string): string => join(dirname(analysisCacheFile(root)), "offline-translations.json");

import type { DomainDeclaration } from "../declarations/domain.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import type { ResolvedTransform } from "../transforms/resolved-transform.ts";
import type { ResolvedView } from "../views/resolved-view.ts";

/** A domain after validation, with where it came from. */
export interface Domain extends DomainDeclaration {
  /** Repository-relative path of its `domain.ts`, for messages. */
  readonly sourceFile: string;
  /** Repository-relative folder holding `views/`; a domain's own folder. @default "domains/<name>" */
  readonly directory?: string;
}

/** Everything the compiler needs: the organisation and every domain, all valid. */
export interface Project {
  /** Absolute path of the repository root (the folder with `baikal.config.ts`). */
  readonly root: string;
  readonly organisation: OrganisationDeclaration;
  readonly domains: readonly Domain[];
  /** Every domain's views, checked against the whole catalog, dependencies first. */
  readonly views: readonly ResolvedView[];
  /** Every domain's transforms, checked, dependencies first. Absent in projects built without loading. */
  readonly transforms?: readonly ResolvedTransform[];
}

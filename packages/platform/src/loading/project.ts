import type { DomainDeclaration } from "../declarations/domain.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";

/** A domain after validation, with where it came from. */
export interface Domain extends DomainDeclaration {
  /** Repository-relative path of its `domain.ts`, for messages. */
  readonly sourceFile: string;
}

/** Everything the compiler needs: the organisation and every domain, all valid. */
export interface Project {
  /** Absolute path of the repository root (the folder with `baikal.config.ts`). */
  readonly root: string;
  readonly organisation: OrganisationDeclaration;
  readonly domains: readonly Domain[];
}

// The version of the API's contract (semantic versioning, NL API Design Rules /core/uri-version and
// /core/version-header): its major is in every address (`/api/v1/...`), the full version in the
// OpenAPI document and in the `API-Version` header of every answer. Raise the minor for an added
// route or field, the patch for a fix; a change that breaks a client gets a new major beside this one.
export const API_VERSION = '1.0.0';

/** Where every route of this version lives. */
export const API_BASE = `/api/v${API_VERSION.split('.')[0]}`;

export const API_VERSION_HEADER = 'API-Version';

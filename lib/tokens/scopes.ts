/**
 * What a token may do. `api` = the /api/v1 routes as its user; `dataset:<id>` = push that
 * 掌上校园 dataset; `open311` = file and follow repairs through the GeoReport v2 endpoint.
 */
export const DATASET_IDS = ['timetable', 'grades', 'exams', 'term-calendar', 'card', 'dorm'] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

export const TOKEN_SCOPES = ['api', 'open311', ...DATASET_IDS.map((d) => `dataset:${d}` as const)] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export function isTokenScope(value: string): value is TokenScope {
  return (TOKEN_SCOPES as readonly string[]).includes(value);
}

/** Scopes that only an admin (or a service account an admin made) may put on a token. */
export function isPrivilegedScope(scope: TokenScope): boolean {
  return scope.startsWith('dataset:');
}

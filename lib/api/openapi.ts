// The document moved to lib/api/openapi/ (one registry entry per operation); this path stays for
// app/api/v1/openapi.json/route.ts.
export { openApiDocument } from './openapi/document';

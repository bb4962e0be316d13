/**
 * The GeoReport v2 response fields as the spec lists them (wiki.open311.org/GeoReport_v2), to check
 * our Open311 answers against the standard rather than against our own code: every field must be
 * one the spec names, the ones it requires must be there, with the values it allows.
 */
const SERVICE = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
const ATTRIBUTE = ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values'];
const REQUEST = [
  'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible',
  'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode',
  'lat', 'long', 'media_url',
];
const CREATED = ['service_request_id', 'token', 'service_notice', 'account_id'];
const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'];
/** ISO 8601 with the time zone the spec requires (Z or ±HH:MM). */
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Row = Record<string, unknown>;

function fields(kind: string, row: Row, allowed: string[], required: string[]): string[] {
  const problems = Object.keys(row).filter((k) => !allowed.includes(k)).map((k) => `${kind}: field ${k} is not in GeoReport v2`);
  for (const k of required) if (row[k] === undefined || row[k] === null || row[k] === '') problems.push(`${kind}: required field ${k} missing`);
  return problems;
}

/** GET services: the service list. */
export function serviceListProblems(list: Row[]): string[] {
  return list.flatMap((s) => [
    ...fields('service', s, SERVICE, ['service_code', 'service_name', 'metadata', 'type']),
    ...(typeof s.metadata === 'boolean' ? [] : [`service ${s.service_code}: metadata must be true or false`]),
    ...(['realtime', 'batch', 'blackbox'].includes(String(s.type)) ? [] : [`service ${s.service_code}: type ${s.type}`]),
  ]);
}

/** GET services/{service_code}: the service definition. */
export function serviceDefinitionProblems(definition: Row): string[] {
  const problems = fields('definition', definition, ['service_code', 'attributes'], ['service_code', 'attributes']);
  for (const a of (definition.attributes as Row[] | undefined) ?? []) {
    problems.push(...fields(`attribute ${a.code}`, a, ATTRIBUTE, ['variable', 'code', 'datatype', 'required', 'order', 'description']));
    if (!DATATYPES.includes(String(a.datatype))) problems.push(`attribute ${a.code}: datatype ${a.datatype}`);
    if (String(a.datatype).endsWith('valuelist')) {
      for (const v of (a.values as Row[] | undefined) ?? []) problems.push(...fields(`value of ${a.code}`, v, ['key', 'name'], ['key', 'name']));
      if (!(a.values as Row[] | undefined)?.length) problems.push(`attribute ${a.code}: a value list without values`);
    }
  }
  return problems;
}

/** POST requests: the answer to a new request. */
export function createdProblems(list: Row[]): string[] {
  return list.flatMap((r) => [
    ...fields('created', r, CREATED, []),
    ...(r.service_request_id || r.token ? [] : ['created: neither service_request_id nor token']),
  ]);
}

/** GET requests and GET requests/{id}: service requests. */
export function requestProblems(list: Row[]): string[] {
  return list.flatMap((r) => [
    ...fields(`request ${r.service_request_id}`, r, REQUEST, ['service_request_id', 'status', 'service_code', 'requested_datetime']),
    ...(['open', 'closed'].includes(String(r.status)) ? [] : [`request ${r.service_request_id}: status ${r.status}`]),
    ...['requested_datetime', 'updated_datetime', 'expected_datetime']
      .filter((k) => r[k] !== undefined && r[k] !== null && r[k] !== '' && !DATETIME.test(String(r[k])))
      .map((k) => `request ${r.service_request_id}: ${k} ${r[k]} is not ISO 8601 with a time zone`),
  ]);
}

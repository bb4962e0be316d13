import { currentDefinitions } from '@/workflows/registry';
import { z } from 'zod';

const error = {
  description: 'Error',
  content: {
    'application/json': {
      schema: { $ref: '#/components/schemas/Error' },
    },
  },
};

const json = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } });

/**
 * The OpenAPI 3.1 description of /api/v1. Process inputs are generated from the same zod schemas
 * that validate them, so the document cannot drift from what the server accepts.
 */
export function openApiDocument() {
  const inputs = Object.fromEntries(
    currentDefinitions().map((d) => [`Input_${d.id}`, z.toJSONSchema(d.inputSchema, { io: 'input' })]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: '紫荆e站 API',
      version: '1.0.0',
      description:
        'Campus service hall. Authenticate with the session cookie of a login. Errors share one shape; messages are Chinese, or English with Accept-Language: en.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: {
                  enum: ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'INVALID_INPUT', 'PAYLOAD_TOO_LARGE',
                    'UNSUPPORTED_MEDIA_TYPE', 'EVENT_NOT_ALLOWED', 'RATE_LIMITED', 'UNAVAILABLE', 'INTERNAL'],
                },
                message: { type: 'string' },
                fields: { type: 'object', additionalProperties: { type: 'string' } },
              },
            },
          },
        },
        Label: { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } }, required: ['zh', 'en'] },
        Instance: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            process: { type: 'object' },
            status: { enum: ['active', 'completed', 'rejected', 'withdrawn', 'cancelled'] },
            state: { type: 'string' },
            revision: { type: 'integer' },
            applicant: { type: ['object', 'null'] },
            timeline: { type: 'array', items: { type: 'object' } },
            openTasks: { type: 'array', items: { type: 'object' } },
            myActions: { type: 'array', items: { type: 'object' } },
          },
        },
        ...inputs,
      },
    },
    security: [{ session: [] }],
    paths: {
      '/api/health': {
        get: { security: [], summary: 'Liveness and database mode', responses: { 200: json({ type: 'object' }), 503: error } },
      },
      '/api/v1/processes': {
        get: { summary: 'Processes the caller may start', responses: { 200: json({ type: 'object' }), 401: error } },
      },
      '/api/v1/processes/{id}': {
        get: {
          summary: "A process's current version: states, events, meta and inputSchema (JSON Schema)",
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: json({ type: 'object' }), 401: error, 404: error },
        },
      },
      '/api/v1/instances': {
        post: {
          summary: 'Start a process',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { type: 'object', required: ['process', 'input'], properties: { process: { type: 'string' }, input: { type: 'object' } } },
              },
            },
          },
          responses: { 201: json({ $ref: '#/components/schemas/Instance' }, 'Created'), 400: error, 401: error, 403: error, 404: error, 422: error },
        },
      },
      '/api/v1/instances/{id}': {
        get: {
          summary: 'An instance with its timeline (only to people involved and admins; others get 404)',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { 200: json({ $ref: '#/components/schemas/Instance' }), 401: error, 404: error },
        },
      },
      '/api/v1/instances/{id}/events': {
        post: {
          summary: 'Send an event (approve, return, reject, resubmit, withdraw, …)',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['type'],
                  properties: {
                    type: { type: 'string' },
                    comment: { type: 'string', maxLength: 2000 },
                    input: { type: 'object' },
                    expectedRevision: { type: 'integer', minimum: 0 },
                  },
                },
              },
            },
          },
          responses: { 200: json({ $ref: '#/components/schemas/Instance' }), 400: error, 401: error, 403: error, 404: error, 409: error, 422: error },
        },
      },
      '/api/v1/tasks': {
        get: {
          summary: "The caller's tasks",
          parameters: [{ name: 'status', in: 'query', schema: { enum: ['open', 'done'] } }],
          responses: { 200: json({ type: 'object' }), 400: error, 401: error },
        },
      },
      '/api/v1/uploads': {
        post: {
          summary: 'Upload evidence (PDF, JPEG, PNG, WebP, HEIC; checked by content)',
          requestBody: {
            required: true,
            content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } },
          },
          responses: { 201: json({ type: 'object' }, 'Created'), 400: error, 401: error, 413: error, 415: error },
        },
      },
      '/api/v1/uploads/{id}': {
        get: {
          summary: 'A file, to permitted users',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { 200: { description: 'The file' }, 401: error, 404: error },
        },
      },
      '/api/v1/messages': {
        get: { summary: 'Message center', responses: { 200: json({ type: 'object' }), 401: error } },
        patch: { summary: 'Mark read', responses: { 200: json({ type: 'object' }), 400: error, 401: error } },
      },
    },
  };
}

// A local stand-in for uploadthing's ingest, file (ufs) and API servers, enough for the server
// SDK's UTApi.uploadFiles / generateSignedURL / deleteFiles as uploadthing 7.7.4 speaks them.
// Every signed URL is checked (HMAC-SHA256 with the API key, as uploadthing does), so a
// wrongly signed or expired request fails here as it would there.
import { createHmac, createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';

export function uploadthingToken({ apiKey, appId }) {
  return Buffer.from(JSON.stringify({ apiKey, appId, regions: ['standin'] })).toString('base64');
}

function validSignature(fullUrl, apiKey) {
  const url = new URL(fullUrl);
  const signature = url.searchParams.get('signature') ?? '';
  url.searchParams.delete('signature');
  const expected = `hmac-sha256=${createHmac('sha256', apiKey).update(url.toString()).digest('hex')}`;
  const a = Buffer.from(signature);
  const b = Buffer.from(expected);
  const expires = Number(url.searchParams.get('expires'));
  return a.length === b.length && timingSafeEqual(a, b) && expires > Date.now();
}

/** port 0: any free port (the env it returns names the one taken). */
export async function startUploadthingStandIn(port, { apiKey, appId }) {
  const files = new Map(); // customId or key → { bytes, type, name, key }
  const stats = { uploads: 0, deletes: 0, reads: 0 };
  const server = http.createServer(async (req, res) => {
    const base = `http://localhost:${port}`;
    const url = new URL(req.url, base);
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks);
    const json = (status, value) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    // Ingest: PUT /{fileKey}?expires&x-ut-*&signature, multipart body with one "file".
    if (req.method === 'PUT') {
      if (!validSignature(`${base}${req.url}`, apiKey)) return json(403, { error: 'invalid signature' });
      if (url.searchParams.get('x-ut-identifier') !== appId) return json(403, { error: 'wrong app' });
      const form = await new Request(base, { method: 'POST', headers: { 'content-type': req.headers['content-type'] }, body }).formData();
      const file = form.get('file');
      if (!file || typeof file === 'string') return json(400, { error: 'no file' });
      const bytes = Buffer.from(await file.arrayBuffer());
      if (String(bytes.length) !== url.searchParams.get('x-ut-file-size')) return json(400, { error: 'size mismatch' });
      const key = url.pathname.slice(1);
      // The SDK encodes x-ut-* values before URLSearchParams encodes them again: decode twice.
      const param = (name) => {
        const v = url.searchParams.get(name);
        return v === null ? null : decodeURIComponent(v);
      };
      const customId = param('x-ut-custom-id');
      const entry = { bytes, type: param('x-ut-file-type') ?? 'application/octet-stream', key };
      files.set(key, entry);
      if (customId) files.set(customId, entry);
      stats.uploads++;
      const ufsUrl = `${base}/a/${appId}/${key}`;
      return json(200, { url: ufsUrl, appUrl: ufsUrl, ufsUrl, fileHash: createHash('md5').update(bytes).digest('hex') });
    }
    // File host (path style): GET /a/{appId}/{key or customId}?expires&signature
    const fileMatch = url.pathname.match(/^\/a\/([^/]+)\/(.+)$/);
    if (req.method === 'GET' && fileMatch) {
      if (!validSignature(`${base}${req.url}`, apiKey)) return json(403, { error: 'invalid signature' });
      const entry = fileMatch[1] === appId ? files.get(decodeURIComponent(fileMatch[2])) : undefined;
      if (!entry) return json(404, { error: 'not found' });
      stats.reads++;
      res.writeHead(200, { 'content-type': entry.type });
      return res.end(entry.bytes);
    }
    // API: POST /v6/deleteFiles {fileKeys|customIds}
    if (req.method === 'POST' && url.pathname === '/v6/deleteFiles') {
      if (req.headers['x-uploadthing-api-key'] !== apiKey) return json(401, { error: 'bad api key' });
      const { fileKeys = [], customIds = [] } = JSON.parse(body.toString() || '{}');
      let deletedCount = 0;
      for (const id of [...fileKeys, ...customIds]) {
        const entry = files.get(id);
        if (!entry) continue;
        for (const [k, v] of files) if (v === entry) files.delete(k);
        deletedCount++;
      }
      stats.deletes += deletedCount;
      return json(200, { success: true, deletedCount });
    }
    json(404, { error: `no route ${req.method} ${url.pathname}` });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, resolve);
  });
  port = server.address().port;
  return {
    env: {
      UPLOADTHING_TOKEN: uploadthingToken({ apiKey, appId }),
      UPLOADTHING_API_URL: `http://localhost:${port}`,
      UPLOADTHING_INGEST_URL: `http://localhost:${port}`,
      UPLOADTHING_UFS_HOST: `localhost:${port}`,
      UPLOADTHING_UFS_APP_ID_LOCATION: 'path',
    },
    stats,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

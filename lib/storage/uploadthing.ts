import { UTApi, UTFile } from 'uploadthing/server';
import type { Storage } from './storage';

/**
 * Uploads kept at uploadthing, used as a plain object store behind our own upload route: the
 * bytes pass through our server first, so type-by-magic-bytes, size, permission and SHA-256
 * checks are the same as with every other driver. Objects are addressed by customId = our
 * storage key; reads go through short-lived signed URLs (works for private ACLs too).
 * The API, ingest and file hosts can be overridden (UPLOADTHING_API_URL, UPLOADTHING_INGEST_URL,
 * UPLOADTHING_UFS_HOST, UPLOADTHING_UFS_APP_ID_LOCATION), which is how the tests reach a stand-in.
 */
export function uploadthingStorage(token: string): Storage {
  const api = new UTApi({ token });
  return {
    async put(key, data, contentType) {
      const file = new UTFile([new Uint8Array(data)], key.replace(/\//g, '_'), { customId: key, type: contentType });
      const [result] = await api.uploadFiles([file]);
      if (!result || result.error) throw new Error(`uploadthing upload failed: ${result?.error?.message ?? 'no result'}`);
    },
    async get(key) {
      const { ufsUrl } = await api.generateSignedURL(key, { expiresIn: 60 });
      const response = await fetch(ufsUrl, { signal: AbortSignal.timeout(30_000) });
      if (!response.ok) throw new Error(`uploadthing read of ${key} failed: ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
    async delete(key) {
      await api.deleteFiles(key, { keyType: 'customId' });
    },
  };
}

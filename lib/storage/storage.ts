/** Where uploaded bytes live. Local disk by default; S3-compatible and uploadthing are adapters. */
export interface Storage {
  put(key: string, data: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array>;
  delete(key: string): Promise<void>;
}

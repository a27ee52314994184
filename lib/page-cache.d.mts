import type { IncomingMessage, ServerResponse } from "node:http";

export interface PageCacheRoute {
  pattern: RegExp;
  data: boolean;
}
export declare const PAGE_CACHE_ROUTES: readonly PageCacheRoute[];
export declare function cacheableRoute(req: IncomingMessage, routes?: readonly PageCacheRoute[]): PageCacheRoute | null;
export declare function acceptsGzip(req: IncomingMessage): boolean;
export declare function nonceOf(headers: Record<string, unknown>): string | null;
export interface PageEntry {
  version: string;
  status: number;
  bytes: number;
  nonceLength: number;
}
export declare function makeEntry(o: { version: string; status: number; headers: [string, unknown][]; body: Buffer; nonce: string }): PageEntry;
export declare function renderEntry(entry: PageEntry, nonce: string, gzip: boolean): { status: number; headers: Record<string, string>; body: Buffer };
export interface PageCache {
  serve(req: IncomingMessage, res: ServerResponse, render: () => Promise<unknown> | unknown): Promise<unknown>;
  stats(): { hits: number; misses: number; passed: number; entries: number; bytes: number };
  clear(): void;
}
export declare function createPageCache(o: {
  readVersion: () => Promise<{ value: string; seq: number }>;
  isHttps?: (req: IncomingMessage) => boolean;
  maxBytes?: number;
  routes?: readonly PageCacheRoute[];
}): PageCache;
export declare function createDataVersionReader(url: string, root: string): Promise<{ read: () => Promise<{ value: string; seq: number }>; close: () => unknown }>;

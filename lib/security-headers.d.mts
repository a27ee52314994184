// Types for security-headers.mjs (plain JS, shared with scripts/serve.mjs).
export declare const BASE_HEADERS: Readonly<Record<string, string>>;
export declare const HSTS: string;
export declare const NON_PAGE_CSP: string;
export declare function newNonce(): string;
export declare function pageCsp(o: { nonce: string; https: boolean; dev?: boolean }): string;
export declare function isHttps(forwardedProto: string | null | undefined, publicUrl: string | undefined): boolean;

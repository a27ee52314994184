// Types for client-address.mjs (plain JS, used by scripts/serve.mjs).
export declare function clientAddressOf(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedProxies: number): string;
export declare function trustedProxyCount(value: string | undefined): number;

export declare const CROSS_SITE_MESSAGE: string;
export declare function isCrossSiteActionPost(method: string, pathname: string, header: (name: string) => string | null | undefined): boolean;

// The client's address scripts/serve.mjs passes on (lib/client-address.mjs).
import { describe, expect, it } from "vitest";
import { clientAddressOf, trustedProxyCount } from "@/lib/client-address.mjs";

describe("the client's address", () => {
  it("is the connection's unless proxies are trusted: X-Forwarded-For is then ignored", () => {
    expect(clientAddressOf("203.0.113.5", "10.0.0.1", 0)).toBe("203.0.113.5");
    expect(clientAddressOf("::ffff:203.0.113.5", undefined, 0)).toBe("203.0.113.5");
    expect(clientAddressOf("2001:db8::1", "10.0.0.1", 0)).toBe("2001:db8::1");
    expect(clientAddressOf(undefined, undefined, 0)).toBe("unknown");
  });

  it("behind N trusted proxies: the entry N from the end, never one the client put first", () => {
    // One proxy that appends: the client sent "1.1.1.1", the proxy saw 198.51.100.7.
    expect(clientAddressOf("10.0.0.2", "1.1.1.1, 198.51.100.7", 1)).toBe("198.51.100.7");
    // One proxy that replaces the header.
    expect(clientAddressOf("10.0.0.2", "198.51.100.7", 1)).toBe("198.51.100.7");
    // Two proxies (a CDN, then a load balancer).
    expect(clientAddressOf("10.0.0.3", "1.1.1.1, 198.51.100.7, 10.0.0.9", 2)).toBe("198.51.100.7");
    expect(clientAddressOf("10.0.0.3", ["1.1.1.1, 198.51.100.7", "10.0.0.9"], 2)).toBe("198.51.100.7");
    // Fewer entries than proxies, or none: the leftmost, or the connection's.
    expect(clientAddressOf("10.0.0.3", "198.51.100.7", 3)).toBe("198.51.100.7");
    expect(clientAddressOf("10.0.0.3", "", 1)).toBe("10.0.0.3");
  });

  it("ARRS_TRUST_PROXY is a whole number of proxies, else none", () => {
    expect(trustedProxyCount(undefined)).toBe(0);
    expect(trustedProxyCount("1")).toBe(1);
    expect(trustedProxyCount("2")).toBe(2);
    for (const v of ["", "0", "-1", "yes", "1.5", "true"]) expect(trustedProxyCount(v), v).toBe(0);
  });
});

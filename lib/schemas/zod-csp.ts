// In the browser, zod probes `new Function("")` to see whether it may compile faster parsers.
// The Content-Security-Policy (no 'unsafe-eval', docs/decisions/010-hardening.md) refuses it, and
// the browser reports that as a violation even though zod catches it and carries on. jitless:
// no probe, the same parsers the browser would fall back to anyway. The server keeps them.
// Every schema module a page's script may load imports this first.
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });

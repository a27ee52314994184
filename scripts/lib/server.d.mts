import type { ChildProcess } from "node:child_process";

export function freePort(): Promise<number>;

export interface StartedServer {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  stop: () => void;
}

export function startServer(options?: {
  env?: Record<string, string | undefined>;
  nodeArgs?: string[];
  port?: number;
  readyPath?: string;
  timeoutMs?: number;
  stdio?: "pipe" | "ignore" | "inherit";
  name?: string;
}): Promise<StartedServer>;

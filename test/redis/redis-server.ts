import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";

/** redis-server from the system (Debian package `redis-server`), or undefined when it is not installed. */
export const redisServerPath = ["/usr/bin/redis-server", "redis-server"].find(
  (path) => spawnSync(path, ["--version"]).status === 0,
);

export interface RedisServer {
  port: number;
  url: string;
  /** Kills the server at once (SIGKILL: nothing flushed, connections dropped). */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  /** SIGSTOP: connections stay open, nothing is answered (a Redis that hangs). */
  freeze(): void;
  /** SIGCONT: answers again, what it was asked meanwhile included. */
  thaw(): void;
  stop(): Promise<void>;
}

/** A free loopback port: bind port 0, read it, close (redis-server itself cannot take port 0). */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, "close");
  return port;
}

/** Starts redis-server on `port`; resolves when it accepts connections, rejects with its output if it exits. */
async function launch(port: number): Promise<ChildProcess> {
  const child = spawn(
    redisServerPath!,
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--loglevel",
      "warning",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = once(child, "exit").then(([code]) => {
    throw Object.assign(new Error(`redis-server exited (${code}): ${output}`), { output });
  });
  exited.catch(() => {});
  await Promise.race([waitForPort(port), exited]);
  return child;
}

async function waitForPort(port: number): Promise<void> {
  const { connect } = await import("node:net");
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function startRedisServer(): Promise<RedisServer> {
  let child: ChildProcess | undefined;
  let port = 0;
  for (let attempt = 0; !child; attempt++) {
    port = await freePort();
    try {
      child = await launch(port);
    } catch (error) {
      // Someone took the port between our close and redis-server's bind: pick another.
      if (attempt < 5 && /in use|EADDRINUSE/i.test(String((error as { output?: string }).output))) continue;
      throw error;
    }
  }
  // A test or benchmark that exits without stopping it (an error, process.exit) leaves no server behind.
  process.on("exit", () => child?.kill("SIGKILL"));
  const kill = async () => {
    if (!child || child.exitCode !== null || child.signalCode) return;
    const exited = once(child, "exit");
    child.kill("SIGKILL");
    await exited;
  };
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill,
    restart: async () => {
      await kill();
      child = await launch(port);
    },
    freeze: () => child!.kill("SIGSTOP"),
    thaw: () => child!.kill("SIGCONT"),
    stop: async () => {
      child?.kill("SIGCONT");
      await kill();
    },
  };
}

/**
 * The few Redis commands the store sends, over whichever client the user connected: node-redis (`redis` ≥ 4:
 * `sendCommand([...])`) or ioredis / iovalkey (`call(...)`). Nothing else of the client is used, so the store
 * depends on no client library.
 */
export type RedisLike =
  | { sendCommand(args: string[]): Promise<unknown> }
  | { call(command: string, ...args: string[]): Promise<unknown> };

export type Send = (args: string[]) => Promise<unknown>;

export function senderOf(client: RedisLike): Send {
  if (client && typeof (client as { call?: unknown }).call == "function") {
    const { call } = client as { call(command: string, ...args: string[]): Promise<unknown> };
    return ([command, ...args]) => call.call(client, command!, ...args);
  }
  if (client && typeof (client as { sendCommand?: unknown }).sendCommand == "function")
    return (args) => (client as { sendCommand(args: string[]): Promise<unknown> }).sendCommand(args);
  throw new TypeError(
    "redisRateLimitStore: expected a connected node-redis (`redis` ≥ 4), ioredis or iovalkey client",
  );
}

/**
 * A Lua script run by its SHA-1 (EVALSHA) once Redis has it, sent in full (EVAL, which also caches it) the first
 * time and whenever Redis has forgotten it (restarted, flushed). Either way the command is handed to the client at
 * once, not a few promise turns later: a release made just before the program closes its Redis client is queued
 * ahead of the close, so its slot does not wait for its lease to run out.
 */
export function scriptRunner(send: Send, source: string) {
  let sha: string | undefined;
  let loaded = false;
  const digest = digestHex("SHA-1", source).then((hex) => (sha = hex));
  digest.catch(() => {});
  return (keys: string[], args: (string | number)[]): Promise<unknown> => {
    const rest = [String(keys.length), ...keys, ...args.map(String)];
    const runInFull = () => send(["EVAL", source, ...rest]).then(cached);
    if (!(loaded && sha)) return runInFull();
    return send(["EVALSHA", sha, ...rest]).catch((error: unknown) => {
      if (!String((error as Error)?.message).startsWith("NOSCRIPT")) throw error;
      loaded = false;
      return runInFull();
    });
  };
  function cached(reply: unknown): unknown {
    loaded = true;
    return reply;
  }
}

/** The hex digest of a text (Web Crypto: no `node:` import, so the entry runs wherever its Redis client does). */
export async function digestHex(algorithm: "SHA-1" | "SHA-256", text: string): Promise<string> {
  const digest = await crypto.subtle.digest(algorithm, new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

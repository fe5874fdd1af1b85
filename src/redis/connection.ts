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

/** A Lua script run by its SHA-1 (EVALSHA), sent in full (EVAL) only when Redis does not have it yet. */
export function scriptRunner(send: Send, source: string) {
  let sha: Promise<string> | undefined;
  return async (keys: string[], args: (string | number)[]): Promise<unknown> => {
    const rest = [String(keys.length), ...keys, ...args.map(String)];
    sha ??= digestHex("SHA-1", source);
    try {
      return await send(["EVALSHA", await sha, ...rest]);
    } catch (error) {
      // A restarted (or flushed) Redis has forgotten the script: EVAL runs it and caches it again.
      if (!String((error as Error)?.message).startsWith("NOSCRIPT")) throw error;
      return send(["EVAL", source, ...rest]);
    }
  };
}

/** The hex digest of a text (Web Crypto: no `node:` import, so the entry runs wherever its Redis client does). */
export async function digestHex(algorithm: "SHA-1" | "SHA-256", text: string): Promise<string> {
  const digest = await crypto.subtle.digest(algorithm, new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// @ts-check
/**
 * The build's heavy renderings: schema.ts (openapi-typescript's Node API, then prettier) and prettier on the
 * other generated TypeScript. Plain JavaScript that loads packages only, because it runs in the build's worker
 * thread, which is started without tsx (see render-thread.ts), as well as in-process under tsx or vitest.
 * Types: render-tools.d.mts.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** @type {Promise<import("./render-tools.d.mts").RenderTools> | undefined} */
let tools;

/**
 * Loads openapi-typescript (→ TypeScript) and prettier once per thread, and runs both on a tiny input so that
 * the modules they load lazily (prettier's TypeScript parser and printer, Redocly's rule sets) are loaded too.
 * openapi-typescript is loaded with require(): through `import`, Node would first scan TypeScript's 9 MB of
 * CommonJS for its named exports (cjs-module-lexer), which costs about 0.4 s.
 */
export function loadRenderTools() {
  tools ??= (async () => {
    const { default: openapiTS, astToString } = require("openapi-typescript");
    const prettier = await import("prettier");
    const loaded = { openapiTS, astToString, prettier };
    await schemaTs(
      loaded,
      { openapi: "3.1.0", info: { title: "warm-up", version: "0" }, paths: {} },
      undefined,
    );
    return loaded;
  })();
  return tools;
}

/**
 * schema.ts for a merged spec, prettier-formatted with the options that apply to `filepath`.
 * @param {Record<string, unknown>} spec openapi-typescript may annotate it: pass a copy you do not need
 * @param {string} filepath
 * @returns {Promise<string>}
 */
export async function renderSchemaTs(spec, filepath) {
  return schemaTs(await loadRenderTools(), spec, filepath);
}

/**
 * TypeScript source formatted by prettier with the options that apply to `filepath`.
 * @param {string} text
 * @param {string} filepath
 * @returns {Promise<string>}
 */
export async function formatTypeScript(text, filepath) {
  return format(await loadRenderTools(), text, filepath);
}

/**
 * @param {import("./render-tools.d.mts").RenderTools} tools
 * @param {Record<string, unknown>} spec
 * @param {string | undefined} filepath
 */
async function schemaTs(tools, spec, filepath) {
  const ast = await tools.openapiTS(/** @type {any} */ (spec), {
    silent: true,
    // The default (true) makes every property with a `default` required, in request bodies too: callers would
    // have to send `trigger_source` to Generate Setup Commands although the server fills it in.
    defaultNonNullable: false,
  });
  return format(tools, tools.astToString(ast), filepath);
}

/**
 * @param {import("./render-tools.d.mts").RenderTools} tools
 * @param {string} text
 * @param {string | undefined} filepath
 */
async function format({ prettier }, text, filepath) {
  const options = filepath ? await prettier.resolveConfig(filepath) : undefined;
  return prettier.format(text, { ...options, parser: "typescript", filepath });
}

/** Types of render-tools.mjs (plain JavaScript so that it runs in a worker thread without tsx). */
import type openapiTS from "openapi-typescript";
import type { astToString } from "openapi-typescript";

export interface RenderTools {
  openapiTS: typeof openapiTS;
  astToString: typeof astToString;
  prettier: typeof import("prettier");
}

/** Loads (once per thread) and warms up openapi-typescript and prettier. */
export function loadRenderTools(): Promise<RenderTools>;

/** schema.ts for a merged spec (which openapi-typescript may annotate: pass a copy), prettier-formatted. */
export function renderSchemaTs(spec: Record<string, unknown>, filepath: string): Promise<string>;

/** TypeScript source formatted by prettier with the options that apply to `filepath`. */
export function formatTypeScript(text: string, filepath: string): Promise<string>;

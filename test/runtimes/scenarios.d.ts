/** Types of scenarios.js (plain JavaScript, so every runtime runs it as it is). */
export declare const TOKEN: string;
export declare const ORG_ID: number;
export declare const scenarios: Record<string, (codegen: unknown, baseUrl: string) => Promise<void>>;
/** name → "ok", or what went wrong. */
export declare function runScenarios(codegen: unknown, baseUrl: string): Promise<Record<string, string>>;

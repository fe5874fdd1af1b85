/**
 * The API's operationIds are FastAPI's defaults: the handler's name, then the path with every non-word
 * character turned into "_", then "_" and the method; and the page title is the handler's name title-cased
 * (`ban_all_checks_for_agent_run` → "Ban All Checks For Agent Run"). So the title, lower-cased with its
 * non-alphanumerics turned into "_", gives the name back, e.g.
 * "Ban All Checks For Agent Run" + POST /v1/organizations/{org_id}/agent/run/ban →
 * `ban_all_checks_for_agent_run_v1_organizations__org_id__agent_run_ban_post` (checked against every plain page).
 */
export function fastApiOperationId(title: string, method: string, path: string): string {
  const handlerName = title
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_");
  return `${handlerName}${path.replace(/\W/g, "_")}_${method.toLowerCase()}`;
}

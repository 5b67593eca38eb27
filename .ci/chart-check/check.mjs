// Checks Kubernetes objects against the OpenAPI schemas that kubernetes-models compiles
// (Kubernetes 1.3x and cert-manager). Input: a JSON array of objects, from a file or "-"
// (stdin). Prints one line per problem; exit 0 all valid, 1 some invalid, 2 unusable input.
// An object whose apiVersion/kind has no schema here is invalid: a misspelt kind must not pass.
import { readFileSync } from "node:fs";

const source = process.argv[2];
if (!source) {
  console.error("usage: node check.mjs FILE|-   (FILE holds a JSON array of Kubernetes objects)");
  process.exit(2);
}

let objects;
try {
  objects = JSON.parse(readFileSync(source === "-" ? 0 : source, "utf8"));
} catch (e) {
  console.error(`check: cannot read ${source}: ${e.message}`);
  process.exit(2);
}
if (!Array.isArray(objects)) {
  console.error("check: the input must be a JSON array of objects");
  process.exit(2);
}

const segment = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;
function modulePath(apiVersion, kind) {
  if (typeof apiVersion !== "string" || typeof kind !== "string" || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return null;
  const parts = apiVersion.split("/");
  if (parts.length > 2 || !parts.every((p) => segment.test(p))) return null;
  if (parts.length === 1) return `kubernetes-models/v1/${kind}`;
  const [group, version] = parts;
  const pkg = group === "cert-manager.io" || group.endsWith(".cert-manager.io") ? "@kubernetes-models/cert-manager" : "kubernetes-models";
  return `${pkg}/${group}/${version}/${kind}`;
}

let invalid = 0;
for (const [index, object] of objects.entries()) {
  const name = `${object?.kind ?? "?"}/${object?.metadata?.name ?? `#${index}`}`;
  const path = modulePath(object?.apiVersion, object?.kind);
  let model;
  try {
    model = path && (await import(path))[object.kind];
  } catch {
    model = undefined;
  }
  if (!model) {
    console.log(`${name}: no schema for apiVersion ${JSON.stringify(object?.apiVersion)} kind ${JSON.stringify(object?.kind)}`);
    invalid++;
    continue;
  }
  try {
    new model(object).validate();
  } catch (e) {
    invalid++;
    for (const error of e.errors ?? [{ instancePath: "", message: e.message }]) {
      const detail = error.params && Object.keys(error.params).length ? ` ${JSON.stringify(error.params)}` : "";
      console.log(`${name}: ${error.instancePath || "/"} ${error.message ?? error.keyword}${detail}`);
    }
  }
}
console.log(`${objects.length} objects checked, ${invalid} invalid`);
process.exit(invalid ? 1 : 0);

// Validates defuse files against schema/*.schema.json with ajv (draft-07), the way an editor's
// yaml-language-server does. Usage: node validate.mjs SCHEMA_DIR FILE...
// Each file is checked against the schema its `kind:` names; prints `file: ok` or every
// error as `file: /json/pointer: message`; exits 1 when any file is invalid.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { parse } from "yaml";

const [schemaDir, ...files] = process.argv.slice(2);
if (!schemaDir || files.length === 0) {
  console.error("usage: node validate.mjs SCHEMA_DIR FILE...");
  process.exit(2);
}

// allErrors: report every problem. enumDescriptions is the editors' annotation (the meaning of
// each tag in completion lists); ajv's strict mode is told about it rather than turned off.
const ajv = new Ajv({ allErrors: true });
ajv.addKeyword({ keyword: "enumDescriptions", schemaType: "array" });
const load = (name) => JSON.parse(readFileSync(join(schemaDir, name), "utf8"));
ajv.addSchema(load("common.schema.json"), "common.schema.json");
const validators = {};
for (const kind of ["scenario", "archetype", "curriculum"])
  validators[kind] = ajv.compile({ ...load(`${kind}.schema.json`), $id: `${kind}.schema.json` });

let bad = 0;
for (const file of files) {
  let doc;
  try {
    // YAML 1.2 core, as yaml-language-server reads it; `uniqueKeys` rejects duplicate keys.
    doc = parse(readFileSync(file, "utf8"), { uniqueKeys: true });
  } catch (e) {
    console.log(`${file}: not YAML: ${e.message.split("\n")[0]}`);
    ++bad;
    continue;
  }
  const kind = doc && typeof doc === "object" ? doc.kind : undefined;
  const validate = validators[kind];
  if (!validate) {
    console.log(`${file}: no schema for kind ${JSON.stringify(kind)}`);
    ++bad;
    continue;
  }
  if (validate(doc)) {
    console.log(`${file}: ok`);
    continue;
  }
  ++bad;
  for (const e of validate.errors) {
    const extra = e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : "";
    console.log(`${file}: ${e.instancePath || "/"}: ${e.message}${extra}`);
  }
}
process.exit(bad ? 1 : 0);

// What JavaScript's JSON Schema engines say of exchange files, as JSON lines.
//
// Usage:
//   node conformance/engines.mjs FILE...   validate each file against the schema of its version
//   node conformance/engines.mjs < LINES   validate documents given as JSON lines:
//                                          {"id": ..., "version": "1.0", "text": "..."}
//                                          or {"id": ..., "version": ..., "base64": "..."}
//
// It reads every schemas/VERSION/dataset.schema.json of the repository and prints, first, one
// line for each engine and version: how the engine was set up, and the error its default
// options raise when they cannot compile the schema. Then one line for each document and
// engine: the verdict, and where the engine puts the first errors it finds. A document that
// JSON.parse refuses gets "valid": null and the parser's message.
//
// The engines are set up as a JavaScript developer would: Ajv 8 for JSON Schema 2020-12 with
// its default options, alone and with ajv-formats, and @hyperjump/json-schema, which leaves
// formats unchecked unless asked. When the default options cannot compile the schema (Ajv
// without ajv-formats refuses the schema's format hints in strict mode), the fallback the Ajv
// documentation offers is used, and the failure is reported.

import { readFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";

import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import * as hyperjump from "@hyperjump/json-schema/draft-2020-12";
import "@hyperjump/json-schema/formats";

const repository = join(dirname(fileURLToPath(import.meta.url)), "..");
const MAX_ERRORS = 5;

function loadSchemas() {
  const root = join(repository, "schemas");
  const schemas = new Map();
  for (const version of readdirSync(root).sort()) {
    const path = join(root, version, "dataset.schema.json");
    if (existsSync(path)) schemas.set(version, JSON.parse(readFileSync(path, "utf8")));
  }
  return schemas;
}

// Ajv's errors, each as the place and the keyword; a key a keyword names is given apart.
function ajvErrors(errors) {
  return (errors ?? []).slice(0, MAX_ERRORS).map((error) => ({
    pointer: error.instancePath,
    keyword: error.keyword,
    key:
      error.params?.propertyName ??
      error.params?.missingProperty ??
      error.params?.additionalProperty ??
      null,
  }));
}

// @hyperjump's BASIC output lists every failed keyword, applicators included; keep the others.
const APPLICATORS = new Set([
  "validate", "properties", "items", "prefixItems", "ref", "allOf", "anyOf", "oneOf",
  "additionalProperties", "patternProperties", "dynamicRef", "then", "else", "if",
]);

function hyperjumpErrors(output) {
  const leaves = (output.errors ?? []).filter(
    (unit) => !APPLICATORS.has(unit.keyword.split("/").pop()),
  );
  return leaves.slice(0, MAX_ERRORS).map((unit) => ({
    pointer: decodeURIComponent(unit.instanceLocation.replace(/^#/, "")),
    keyword: unit.keyword.split("/").pop(),
    key: null,
  }));
}

// Build an Ajv engine: default options first; on failure the documented fallback.
function ajvEngine(name, { formats, options, fallback }) {
  const created = options ? `new Ajv2020(${JSON.stringify(options)})` : "new Ajv2020()";
  // logger: false only silences the warnings of strict: false; it changes no verdict.
  const make = (extra) => {
    const ajv = new Ajv2020({ ...options, ...extra.options, logger: false });
    if (formats) addFormats(ajv);
    extra.setup?.(ajv);
    return ajv;
  };
  return {
    name,
    assertsFormats: formats,
    setup: formats ? `addFormats(${created})` : created,
    compile(schema) {
      try {
        return { check: make({}).compile(schema), defaultError: null, fallback: null };
      } catch (error) {
        const check = make(fallback).compile(schema);
        return { check, defaultError: error.message, fallback: fallback.description };
      }
    },
    run(check, data) {
      const valid = check(data);
      return { valid, errors: valid ? [] : ajvErrors(check.errors) };
    },
  };
}

const engines = [
  // Without ajv-formats, strict mode refuses the schema's format hints: the documented way
  // to leave formats unchecked is validateFormats: false, which keeps every other strict check.
  ajvEngine("ajv", {
    formats: false,
    options: null,
    fallback: {
      options: { validateFormats: false },
      description: "new Ajv2020({validateFormats: false})",
    },
  }),
  ajvEngine("ajv+formats", {
    formats: true,
    options: null,
    fallback: { options: { strict: false }, description: "new Ajv2020({strict: false})" },
  }),
  ajvEngine("ajv+formats/strict-false", {
    formats: true,
    options: { strict: false },
    fallback: { description: "none" },
  }),
];

for (const [name, validateFormat] of [["hyperjump", undefined], ["hyperjump+formats", true]]) {
  engines.push({
    name,
    assertsFormats: validateFormat === true,
    setup:
      validateFormat === true
        ? "import formats; setShouldValidateFormat(true)"
        : "draft-2020-12 defaults",
    async compileAsync(schema) {
      try {
        hyperjump.registerSchema(schema);
      } catch (error) {
        // Registered already, by the other configuration of the same engine.
        if (!String(error.message).includes("already")) throw error;
      }
      return { check: await hyperjump.validate(schema.$id), defaultError: null, fallback: null };
    },
    run(check, data) {
      hyperjump.setShouldValidateFormat(validateFormat);
      const output = check(data, "BASIC");
      return { valid: output.valid, errors: output.valid ? [] : hyperjumpErrors(output) };
    },
  });
}

function print(record) {
  process.stdout.write(JSON.stringify(record) + "\n");
}

async function compileAll(schemas) {
  const compiled = new Map();
  for (const engine of engines) {
    for (const [version, schema] of schemas) {
      const result = engine.compileAsync
        ? await engine.compileAsync(schema)
        : engine.compile(schema);
      compiled.set(`${engine.name} ${version}`, result.check);
      print({
        type: "engine",
        engine: engine.name,
        version,
        setup: engine.setup,
        asserts_formats: engine.assertsFormats,
        default_error: result.defaultError,
        fallback: result.fallback,
      });
    }
  }
  return compiled;
}

function judge(compiled, document, newest) {
  const text =
    document.base64 !== undefined
      ? Buffer.from(document.base64, "base64").toString("utf8")
      : document.text;
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    for (const engine of engines) {
      print({ type: "verdict", id: document.id, engine: engine.name, valid: null,
        parse_error: error.message });
    }
    return;
  }
  const version = document.version ?? newest;
  for (const engine of engines) {
    const check = compiled.get(`${engine.name} ${version}`);
    const record = { type: "verdict", id: document.id, engine: engine.name };
    if (check === undefined) {
      print({ ...record, valid: null, engine_error: `no schema for version ${version}` });
      continue;
    }
    try {
      print({ ...record, ...engine.run(check, data) });
    } catch (error) {
      print({ ...record, valid: null, engine_error: String(error.message ?? error) });
    }
  }
}

async function main() {
  const schemas = loadSchemas();
  const newest = [...schemas.keys()].pop();
  const compiled = await compileAll(schemas);
  const files = process.argv.slice(2);
  if (files.length > 0) {
    for (const path of files) {
      const text = readFileSync(path, "utf8");
      let version = newest;
      try {
        version = JSON.parse(text).schema_version ?? newest;
      } catch {
        // JSON.parse's message is reported with the verdicts.
      }
      judge(compiled, { id: path, version: schemas.has(version) ? version : newest, text },
        newest);
    }
    return;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim()) judge(compiled, JSON.parse(line), newest);
  }
}

await main();

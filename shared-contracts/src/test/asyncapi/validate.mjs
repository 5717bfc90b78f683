// Validates an AsyncAPI document with the AsyncAPI parser and its built-in rules.
// Usage: node validate.mjs FILE. Prints every diagnostic; exits 1 when one is an error or no document came out.
import { readFile } from 'node:fs/promises';
import { Parser } from '@asyncapi/parser';

const file = process.argv[2];
const parser = new Parser();
const { document, diagnostics } = await parser.parse(await readFile(file, 'utf8'), { source: file });
const names = ['error', 'warning', 'information', 'hint'];
for (const d of diagnostics) {
  console.log(`${names[d.severity] ?? d.severity} ${d.code} at ${(d.path || []).join('.')}: ${d.message}`);
}
const errors = diagnostics.filter(d => d.severity === 0).length;
if (!document || errors > 0) {
  console.log(`INVALID: ${errors} error(s)`);
  process.exit(1);
}
console.log(`VALID: AsyncAPI ${document.version()}, ${document.channels().length} channels, ${document.operations().length} operations, ${document.components().messages().length} messages`);

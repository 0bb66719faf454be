// Validates every statement of `defuse report --format xapi` with xapi-validation (xAPI 1.0.3).
// Usage: node validate.js STATEMENTS.json; exit 1 with the warnings when any statement fails.
'use strict';
const fs = require('fs');
const validate = require('xapi-validation').default;

const statements = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
if (!Array.isArray(statements) || statements.length === 0) {
  console.error('FAIL: expected a non-empty JSON array of statements');
  process.exit(1);
}
let failed = 0;
statements.forEach((s, i) => {
  const warnings = validate(s);
  if (warnings.length > 0) {
    failed++;
    console.error(`FAIL: statement ${i + 1} (${s.id}):`);
    for (const w of warnings)
      console.error(`  ${w.path.join('.')}: ${w.typeName || w.message} (${JSON.stringify(w.data)})`);
  }
});
if (failed > 0) process.exit(1);
console.log(`xapi-validation: ${statements.length} statements valid`);

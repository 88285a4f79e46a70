#!/usr/bin/env node
// Adds up jest JSON reports and prints the closing line CI reads: "N passed, M failed, K skipped".
// A report that is missing or holds no test counts as a failure: CI must never pass on nothing.
const fs = require('node:fs');

let passed = 0;
let failed = 0;
let skipped = 0;
const files = process.argv.slice(2);
for (const file of files) {
	let report;
	try {
		report = JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		console.log(`${file}: no report (the suite did not run)`);
		failed++;
		continue;
	}
	passed += report.numPassedTests;
	failed += report.numFailedTests + (report.numRuntimeErrorTestSuites || 0);
	skipped += report.numPendingTests + (report.numTodoTests || 0);
	console.log(`${file.split('/').pop()}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
if (files.length === 0 || passed + failed === 0) failed++;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);

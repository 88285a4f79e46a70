#!/usr/bin/env node
// Fails when `npm pack` would publish anything but dist/, README, LICENSE, CHANGELOG and package.json
// (files: ["dist"] keeps it so; npm adds README, LICENSE and package.json itself).
const { execFileSync } = require('node:child_process');

const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const allowed = /^(dist\/.+|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/;
const unexpected = report.files.map((f) => f.path).filter((path) => !allowed.test(path));
const leaked = report.files.map((f) => f.path).filter((path) => /(^|\/)(sandbox|test|scripts)\//.test(path) || /\.ts$/.test(path) && !/\.d\.ts$/.test(path));
console.log(`${report.files.length} files, ${(report.size / 1024).toFixed(1)} kB packed, ${(report.unpackedSize / 1024).toFixed(1)} kB unpacked`);
for (const required of ['README.md', 'LICENSE', 'package.json']) {
	if (!report.files.some((f) => f.path === required)) unexpected.push(`(missing) ${required}`);
}
if (unexpected.length || leaked.length) {
	console.log(`Not for the package:\n  ${[...unexpected, ...leaked].join('\n  ')}`);
	process.exit(1);
}

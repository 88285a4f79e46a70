/**
 * `tsx scripts/compare-requests.tsx before.jsonl after.jsonl`: compares two recordings of the
 * sandbox (`SANDBOX_RECORD=<file> npx jest`) as sets of distinct requests, byte for byte (method,
 * path, query, Authorization, Content-Type, Accept, raw body). Test order and retries make counts
 * vary between runs, so what is compared is which requests were ever sent; OAuth tokens the sandbox
 * issued at random are compared as placeholders. Exits 1 on a difference.
 */
import { readFileSync } from 'node:fs';

/** OAuth tokens the sandbox issues at random (crypto), so they differ between runs whatever the nodes do. */
const ISSUED_AT_RANDOM = /\b(access|refresh)_[0-9a-f]{32}\b/g;

function distinct(file: string): Set<string> {
	return new Set(
		readFileSync(file, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((line) => line.replace(ISSUED_AT_RANDOM, '$1_<issued>')),
	);
}

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
	process.stderr.write('usage: tsx scripts/compare-requests.tsx before.jsonl after.jsonl\n');
	process.exit(2);
}
const before = distinct(beforeFile);
const after = distinct(afterFile);
const gone = [...before].filter((line) => !after.has(line));
const added = [...after].filter((line) => !before.has(line));
process.stdout.write(`${before.size} distinct requests before, ${after.size} after; ${gone.length} only before, ${added.length} only after\n`);
for (const line of gone.slice(0, 20)) process.stdout.write(`- ${line.slice(0, 400)}\n`);
for (const line of added.slice(0, 20)) process.stdout.write(`+ ${line.slice(0, 400)}\n`);
process.exit(gone.length || added.length ? 1 : 0);

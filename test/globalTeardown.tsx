import { rmSync } from 'node:fs';

/** Removes the folder globalSetup made (never one the caller set). */
export default function globalTeardown(): void {
	const folder = process.env.N8N_PHONE_NUMBERS_TEST_FOLDER;
	if (folder) rmSync(folder, { recursive: true, force: true });
}

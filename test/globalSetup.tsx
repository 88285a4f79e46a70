import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * n8n-core writes its settings under N8N_USER_FOLDER: one folder for the whole run, out of the
 * real home, made before the workers start (they inherit it) and removed by globalTeardown.
 */
export default function globalSetup(): void {
	if (process.env.N8N_USER_FOLDER) return;
	process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-phone-numbers-test-'));
	process.env.N8N_PHONE_NUMBERS_TEST_FOLDER = process.env.N8N_USER_FOLDER;
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core writes its settings under N8N_USER_FOLDER and logs node errors through winston:
// keep the former out of the real home and the latter out of the test output.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-phone-numbers-test-'));
process.env.N8N_LOG_LEVEL ??= 'silent';

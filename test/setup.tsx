// n8n-core logs node errors through winston: keep them out of the test output. Its settings
// folder (N8N_USER_FOLDER) is made once for the run by test/globalSetup.tsx.
process.env.N8N_LOG_LEVEL ??= 'silent';

/**
 * Unit and integration tests (`npm test`): the nodes through n8n-core against the sandbox.
 * Test, sandbox and script sources are `.tsx` so that n8n's community-node lint rules (which apply
 * to `**\/*.ts`, i.e. the package's own node and credential code) do not apply to them: they are
 * Node.js programs that need `process`, timers and `node:` modules. See README → Development.
 */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.tsx'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
	transform: {
		'^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }],
	},
	setupFiles: ['<rootDir>/test/setup.tsx'],
	globalSetup: '<rootDir>/test/globalSetup.tsx',
	globalTeardown: '<rootDir>/test/globalTeardown.tsx',
	testTimeout: 60_000,
};

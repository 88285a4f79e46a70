/** End-to-end tests in a real n8n (see test/e2e/run.sh). */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.tsx'],
	moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
	transform: {
		'^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }],
	},
	testTimeout: 300_000,
	maxWorkers: 1,
};

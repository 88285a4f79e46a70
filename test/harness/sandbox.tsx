import { sandboxProviders, start, type LoggedRequest, type Provider, type Sandbox, type SandboxOptions } from '../../sandbox';

/** Every provider unlimited: tests that are not about rate limits should not wait on them. */
function unlimited(): Record<string, number> {
	return Object.fromEntries(sandboxProviders().map((provider) => [provider.name, 0]));
}

/**
 * Starts one sandbox for a test file (beforeAll), forgets its request log and faults before each
 * test, and stops it afterwards. Returns a getter, since the sandbox exists only once started.
 * A test's own `rateLimits` replace the unlimited default whole.
 */
export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		sandbox = await start({ rateLimits: unlimited(), ...options });
	});
	beforeEach(() => {
		sandbox?.clearRequests();
		sandbox?.faults.clear();
	});
	afterAll(async () => {
		await sandbox?.stop();
	});
	return () => {
		if (!sandbox) throw new Error('The sandbox is not started yet');
		return sandbox;
	};
}

/** Requests to one provider's API (credential tests and OAuth token calls included). */
export function requestsTo(sandbox: Sandbox, provider: Provider): LoggedRequest[] {
	return sandbox.requests.filter((r) => r.provider === provider);
}

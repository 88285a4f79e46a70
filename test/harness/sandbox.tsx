import { CLOSE_KEYS, RETELL_KEYS, VAPI_KEYS, SIGNALWIRE_PROJECT, SYNTHFLOW_KEYS, SYNTHFLOW_WORKSPACES, TELNYX_KEYS, TWILIO_ACCOUNT, start, type LoggedRequest, type Provider, type Sandbox, type SandboxOptions } from '../../sandbox';

/**
 * Starts one sandbox for a test file (beforeAll), forgets its request log and faults before each
 * test, and stops it afterwards. Returns a getter, since the sandbox exists only once started.
 */
export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		sandbox = await start({ rateLimits: { close: 0 }, ...options });
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

export function closeCredentials(sandbox: Sandbox, apiKey = CLOSE_KEYS.adminA) {
	return { closePhoneNumbersApi: { apiKey, baseUrl: sandbox.url } };
}

export function signalWireCredentials(sandbox: Sandbox, apiToken = SIGNALWIRE_PROJECT.apiToken) {
	return {
		signalWirePhoneNumbersApi: { space: SIGNALWIRE_PROJECT.space, projectId: SIGNALWIRE_PROJECT.projectId, apiToken, baseUrl: sandbox.url },
	};
}

export function synthflowCredentials(
	sandbox: Sandbox,
	options: { apiKey?: string; workspaceId?: string | null; region?: string } = {},
) {
	return {
		synthflowPhoneNumbersApi: {
			apiKey: options.apiKey ?? SYNTHFLOW_KEYS.main,
			region: options.region ?? 'global',
			workspaceId: options.workspaceId === null ? '' : (options.workspaceId ?? SYNTHFLOW_WORKSPACES.a),
			baseUrl: sandbox.url,
		},
	};
}

export function twilioCredentials(sandbox: Sandbox, options: { authType?: 'authToken' | 'apiKey'; authToken?: string } = {}) {
	return {
		twilioPhoneNumbersApi: {
			accountSid: TWILIO_ACCOUNT.accountSid,
			authType: options.authType ?? 'authToken',
			authToken: options.authToken ?? TWILIO_ACCOUNT.authToken,
			apiKeySid: TWILIO_ACCOUNT.apiKeySid,
			apiKeySecret: TWILIO_ACCOUNT.apiKeySecret,
			baseUrl: sandbox.url,
		},
	};
}

export function telnyxCredentials(sandbox: Sandbox, apiKey = TELNYX_KEYS.main) {
	return { telnyxPhoneNumbersApi: { apiKey, baseUrl: sandbox.url } };
}

export function vapiCredentials(sandbox: Sandbox, apiKey = VAPI_KEYS.main) {
	return { vapiPhoneNumbersApi: { apiKey, baseUrl: sandbox.url } };
}

export function retellCredentials(sandbox: Sandbox, apiKey = RETELL_KEYS.main) {
	return { retellPhoneNumbersApi: { apiKey, baseUrl: sandbox.url } };
}

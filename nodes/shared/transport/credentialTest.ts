import type { ICredentialDataDecryptedObject, ICredentialTestFunction, ICredentialTestFunctions, IDataObject } from 'n8n-workflow';

import { loopbackOrigin, REFUSED_BASE_URL_MESSAGE } from './baseUrl';
import { SecretMasker } from './secrets';
import type { ProviderProfile } from './types';

/** The one request that tells whether a credential works: a cheap read of the account. */
export interface CredentialTestTarget {
	/** Where the read goes: the provider's host, or the credential's loopback Base URL. */
	url: string;
	qs?: IDataObject;
	auth: { basic: { user: string; password: string } } | { bearer: string };
	/** Values that must not show in the test's message, in any form. */
	secrets: string[];
	/** What to check when the provider refuses the credential (401/403). */
	hint: string;
}

/** How a provider's credential is tested: its target, or why there is nothing to test (a message). */
export type CredentialTestBuilder = (data: ICredentialDataDecryptedObject, origin: string | undefined) => CredentialTestTarget | string;

const TIMEOUT_MS = 30_000;

/**
 * A credential test that n8n runs through a node's `testedBy` (so the credential has no declarative
 * `test`): a Base URL that is not a loopback origin, or credential data the node would refuse, is
 * answered at once and **nothing is sent**; otherwise one read goes to the provider, redirects are
 * not followed, and the answer's text is masked like every error of the nodes.
 */
export function credentialTestFunction(provider: ProviderProfile, build: CredentialTestBuilder): ICredentialTestFunction {
	return async function (this: ICredentialTestFunctions, credential) {
		const data = credential.data ?? {};
		const origin = loopbackOrigin(data.baseUrl);
		if (origin === false) return { status: 'Error', message: `${REFUSED_BASE_URL_MESSAGE}. Nothing was sent.` };
		const target = build(data, origin);
		if (typeof target === 'string') return { status: 'Error', message: `${target}. Nothing was sent.` };
		const masker = new SecretMasker(target.secrets, 'basic' in target.auth ? target.auth.basic : undefined);
		return await send(this.helpers, provider, target, masker);
	};
}

/**
 * n8n gives a credential test only its legacy `request` helper (n8n-core's CredentialTestContext,
 * the helper n8n's own `credentialTest` methods use): the options below are that helper's.
 */
async function send(
	helpers: ICredentialTestFunctions['helpers'],
	provider: ProviderProfile,
	target: CredentialTestTarget,
	masker: SecretMasker,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const options: IDataObject = {
		method: 'GET',
		uri: target.url,
		qs: target.qs,
		json: true,
		simple: false,
		resolveWithFullResponse: true,
		followRedirect: false,
		followAllRedirects: false,
		timeout: TIMEOUT_MS,
		headers: { Accept: 'application/json' },
	};
	if ('basic' in target.auth) options.auth = { user: target.auth.basic.user, pass: target.auth.basic.password, sendImmediately: true };
	else options.headers = { Accept: 'application/json', Authorization: `Bearer ${target.auth.bearer}` };
	let response: { statusCode?: number; body?: unknown };
	try {
		response = (await helpers.request(options)) as { statusCode?: number; body?: unknown };
	} catch (error) {
		const failure = error as { statusCode?: number; response?: { statusCode?: number; status?: number; body?: unknown; data?: unknown }; message?: string };
		const status = failure.statusCode ?? failure.response?.statusCode ?? failure.response?.status;
		if (status === undefined) {
			return { status: 'Error', message: `${provider.displayName} could not be reached: ${masker.bounded(String(failure.message ?? error))}` };
		}
		response = { statusCode: status, body: failure.response?.body ?? failure.response?.data };
	}
	const status = Number(response.statusCode);
	if (status >= 200 && status < 300) return { status: 'OK', message: 'Connection successful' };
	if (status >= 300 && status < 400) {
		return { status: 'Error', message: `${provider.displayName} answered ${status}, a redirect: it was not followed, so the credential stayed with ${provider.displayName}` };
	}
	let body = response.body;
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body) as unknown;
		} catch {
			// a text body is shown as it is
		}
	}
	const texts = typeof body === 'string' ? [body] : body && typeof body === 'object' ? provider.errorMessages(body as IDataObject) : [];
	const text = masker.withSecretsOf(body).bounded(texts.join('; '));
	const hint = status === 401 || status === 403 ? ` ${target.hint}` : '';
	return { status: 'Error', message: `${provider.displayName} answered ${status}${text ? `: ${text}` : ''}.${hint}` };
}

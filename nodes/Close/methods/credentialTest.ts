import { credentialValueProblem } from '../../shared/transport/credentialData';
import { credentialTestFunction } from '../../shared/transport/credentialTest';
import { CLOSE_API_BASE, closeProfile } from '../transport';

/** Who the key belongs to: one field of `GET /me/`, which every Close user may read. */
export const closePhoneNumbersApiTest = credentialTestFunction(closeProfile, (data, origin) => {
	const problem = credentialValueProblem('API Key', data.apiKey);
	if (problem) return problem;
	const apiKey = String(data.apiKey ?? '');
	return {
		url: `${origin ? `${origin}/api/v1` : CLOSE_API_BASE}/me/`,
		qs: { _fields: 'id' },
		auth: { basic: { user: apiKey, password: '' } },
		secrets: [apiKey],
		hint: 'Check the API key (Close → Settings → Developer → API Keys): Close takes it as the user name with an empty password.',
	};
});

/** The OAuth2 credential: the same read with its access token (n8n refreshes a token at execution, not here). */
export const closePhoneNumbersOAuth2ApiTest = credentialTestFunction(closeProfile, (data, origin) => {
	const token = (data.oauthTokenData as { access_token?: unknown } | undefined)?.access_token;
	if (typeof token !== 'string' || token === '') return 'The credential is not connected yet: click Connect my account first';
	const problem = credentialValueProblem('access token', token);
	if (problem) return problem;
	return {
		url: `${origin ? `${origin}/api/v1` : CLOSE_API_BASE}/me/`,
		qs: { _fields: 'id' },
		auth: { bearer: token },
		secrets: [token, String(data.clientSecret ?? '')],
		hint: 'Reconnect the credential: Close refused its access token (the app may have been disconnected or its access revoked).',
	};
});

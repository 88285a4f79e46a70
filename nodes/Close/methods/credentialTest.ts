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


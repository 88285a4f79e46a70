import { credentialValueProblem } from '../../shared/transport/credentialData';
import { credentialTestFunction } from '../../shared/transport/credentialTest';
import { RETELL_API, retellProfile } from '../transport';

/** One number of the workspace (`GET /v2/list-phone-numbers?limit=1`). */
export const retellPhoneNumbersApiTest = credentialTestFunction(retellProfile, (data, origin) => {
	const problem = credentialValueProblem('API Key', data.apiKey);
	if (problem) return problem;
	const apiKey = String(data.apiKey ?? '');
	return {
		url: `${origin ?? RETELL_API}/v2/list-phone-numbers`,
		qs: { limit: 1 },
		auth: { bearer: apiKey },
		secrets: [apiKey],
		hint: 'Check the API key (Retell AI dashboard → Settings → API Keys).',
	};
});
